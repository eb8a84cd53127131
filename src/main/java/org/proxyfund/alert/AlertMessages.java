package org.proxyfund.alert;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the alerts page and of alert mail; Russian in messages/alert_ru.properties. */
@MessageBundle(value = "alert", locale = "en")
public interface AlertMessages {

    @Message("Alerts")
    String page_title();

    @Message("proxyfund tells you when something costs you money: an endpoint down (once per outage, not per check) and back up, without check results, a payout sent or confirmed, a webhook subscription disabled. Nothing is sent during a maintenance window you declared.")
    String intro();

    @Message("E-mail")
    String email_heading();

    @Message("E-mail is not configured on this site.")
    String mail_off();

    @Message("Alerts go to {address}.")
    String verified(String address);

    @Message("{address} is not verified yet: open the link we mailed to it. Nothing else is mailed there until then.")
    String unverified(String address);

    @Message("No alert address.")
    String none();

    @Message("Address")
    String field_address();

    @Message("Language of the mail")
    String field_language();

    @Message("Send a verification link")
    String save();

    @Message("Remove the address")
    String remove();

    @Message("We mailed a verification link to {address}; it works once, for {hours} hours.")
    String link_sent(String address, long hours);

    @Message("That is not an e-mail address.")
    String invalid_address();

    @Message("Too many verification mails today; try again tomorrow.")
    String too_many();

    @Message("Address verified: alerts go to {address}.")
    String verify_done(String address);

    @Message("This verification link is unknown, used or expired. Set the address again on the alerts page for a new one.")
    String verify_failed();

    @Message("Alerts (e-mail, feed, webhooks)")
    String link();

    @Message("proxyfund: confirm your alert address")
    String verify_subject();

    @Message("Someone (you, we hope) asked proxyfund to send alerts about the endpoints of the account {handle} to this address.")
    String verify_asked(String handle);

    @Message("To confirm, open this link (it works once, for {hours} hours):")
    String verify_open(long hours);

    @Message("If it was not you, ignore this mail: nothing more is sent here without the confirmation.")
    String verify_ignore();

    @Message("Channels")
    String channels_heading();

    @Message("By e-mail (to the verified address)")
    String channel_email();

    @Message("In the private feed")
    String channel_feed();

    @Message("Webhook subscriptions receive the events they subscribed to (endpoint.down, endpoint.recovered, payout.sent, ...), whatever is chosen here.")
    String channel_webhooks();

    @Message("E-mail once a day (a digest) instead of one mail per alert")
    String channel_digest();

    @Message("Save")
    String save_settings();

    @Message("Webhook subscriptions")
    String webhooks_link();

    @Message("Down: {label}")
    String down_subject(String label);

    @Message("Your endpoint {label} has failed its checks since {since} (UTC), last because: {reason}. It earns nothing while it is down. You hear once more when it is back up.")
    String down_body(String label, String since, String reason);

    @Message("Back up: {label}")
    String recovered_subject(String label);

    @Message("Your endpoint {label} passes its checks again since {at} (UTC); it was down from {since}.")
    String recovered_body(String label, String at, String since);

    @Message("No check results: {label}")
    String stale_subject(String label);

    @Message("Your endpoint {label} has had no check result for more than {minutes} minutes: we cannot tell whether it serves anyone, and time without results earns nothing. You hear about it once, until results come again.")
    String stale_body(String label, long minutes);

    @Message("Payout sent: {sats} sats")
    String payout_sent_subject(long sats);

    @Message("A payout of {sats} sats to you was broadcast in transaction {txid}.")
    String payout_sent_body(long sats, String txid);

    @Message("Payout confirmed: {sats} sats")
    String payout_confirmed_subject(long sats);

    @Message("The payout of {sats} sats in transaction {txid} is confirmed.")
    String payout_confirmed_body(long sats, String txid);

    @Message("Payout taken back by a reorganisation: {sats} sats")
    String payout_left_chain_subject(long sats);

    @Message("Transaction {txid} left the chain in a reorganisation; the {sats} sats are owed to you again until it confirms anew.")
    String payout_left_chain_body(long sats, String txid);

    @Message("Webhook subscription disabled")
    String webhook_disabled_subject();

    @Message("Your webhook subscription {id} to {url} was disabled after persistent delivery failure: {reason}. Its events wait; enable it again (POST /api/v1/webhooks/{id}/enable) once the receiver works.")
    String webhook_disabled_body(long id, String url, String reason);

    @Message("proxyfund: {count} alerts")
    String digest_subject(int count);

    @Message("Your alerts since the last digest:")
    String digest_intro();

    @Message("Your endpoints: {link}")
    String footer(String link);
}
