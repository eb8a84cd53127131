package org.proxyfund.feed;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the private feed and its page; Russian in messages/feed_ru.properties. */
@MessageBundle(value = "feed", locale = "en")
public interface FeedMessages {

    @Message("proxyfund: your endpoints and payouts")
    String feed_title();

    @Message("Down: {label}")
    String down(String label);

    @Message("Down since {since}. {reason}")
    String down_text(String since, String reason);

    @Message("No check result: {label}")
    String stale(String label);

    @Message("No check result for more than two check intervals; last check {at}.")
    String stale_text(String at);

    @Message("Maintenance {#when state}{#is 'CANCELLED'}cancelled{#else}declared{/when}: {label}")
    String maintenance(String label, String state);

    @Message("{from} – {to} (UTC)")
    String maintenance_text(String from, String to);

    @Message("Epoch {epoch} settled: {sats} sats")
    String settled(String epoch, long sats);

    @Message("Credited to your payable balance for {start} – {end} (UTC).")
    String settled_text(String start, String end);

    @Message("Payout {#when state}{#is 'CONFIRMED'}confirmed{#is 'BROADCAST'}sent{#is 'SIGNED'}signed{#is 'REJECTED'}rejected{#is 'FAILED'}failed{#else}proposed{/when}: {sats} sats")
    String payout(String state, long sats);

    @Message("To {address}{#if txid}, transaction {txid}{/if}.")
    String payout_text(String address, String txid);

    @Message("Private feed")
    String page_title();

    @Message("An Atom feed of what concerns your endpoints and money: endpoints down or without check results now, maintenance windows, settled epochs and payouts. It works in any feed reader, without an account elsewhere. Its address is the secret: anyone who has it can read the feed, so keep it private. It is shown once; if it leaks, make a new one and the old address stops working.")
    String intro();

    @Message("Your feed is on. Its address was shown when it was made; make a new one if you lost it.")
    String on();

    @Message("Your feed is off.")
    String off();

    @Message("Your feed's address (shown only now; add ?lang=ru for Russian):")
    String new_url();

    @Message("Make a feed address")
    String create();

    @Message("Make a new address (the old one stops working)")
    String rotate();

    @Message("Turn the feed off")
    String revoke();

    @Message("Private feed (Atom)")
    String link();
}
