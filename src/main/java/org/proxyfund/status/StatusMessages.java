package org.proxyfund.status;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the public status page and the badges; Russian in messages/status_ru.properties. */
@MessageBundle(value = "status", locale = "en")
public interface StatusMessages {

    @Message("Network status")
    String title();

    @Message("How the volunteers' proxies and VPNs are doing: counts only. No address, host name or label of any endpoint is published here.")
    String lead();

    @Message("Endpoints now")
    String now_heading();

    @Message("Protocol")
    String protocol();

    @Message("Up")
    String up();

    @Message("Down")
    String down();

    @Message("Stale")
    String stale();

    @Message("Unknown")
    String unknown();

    @Message("Not checked yet")
    String unchecked();

    @Message("All protocols")
    String total();

    @Message("Maintenance: inside a window its operator declared ahead of time (checks keep running). Stale: no check result for more than two check intervals. Unknown: the monitor itself could not tell.")
    String legend();

    @Message("Network uptime")
    String uptime_heading();

    @Message("Last 24 hours")
    String window_24h();

    @Message("Last 7 days")
    String window_7d();

    @Message("Last 30 days")
    String window_30d();

    @Message("no data")
    String no_data();

    @Message("{checks} checks")
    String checks(long checks);

    @Message("Paid to operators")
    String paid_heading();

    @Message("{btc} BTC in {payouts} confirmed transaction(s), {outputs} payment(s) to operators")
    String paid(String btc, int payouts, long outputs);

    @Message("Figures as of {time}; they are read again every {seconds} seconds.")
    String as_of(String time, long seconds);

    @Message("The same as JSON")
    String as_json();

    @Message("proxyfund")
    String badge_name();

    @Message("up")
    String badge_up();

    @Message("maintenance")
    String badge_maintenance();

    @Message("Maintenance")
    String maintenance();

    @Message("down")
    String badge_down();

    @Message("stale")
    String badge_stale();

    @Message("unknown")
    String badge_unknown();

    @Message("not checked")
    String badge_none();

    @Message("Status badge")
    String badge_title();

    @Message("A badge shows this endpoint's state now (up, down, stale) to anyone who has its address, for example on your own site. It shows nothing else: not the address, host name, label or protocol of the endpoint, nor who runs it. Its address is 128 random bits, so nobody finds it unless you publish it.")
    String badge_intro();

    @Message("This endpoint publishes no badge.")
    String badge_off();

    @Message("Publish a badge")
    String badge_publish();

    @Message("Badge address")
    String badge_address();

    @Message("HTML to show it")
    String badge_embed();

    @Message("Give it a new address (the old one stops working)")
    String badge_rotate();

    @Message("Stop publishing it (its address stops working)")
    String badge_revoke();

    @Message("Status badge")
    String badge_link();

    @Message("Back to the endpoint")
    String back();

    @Message("endpoint status")
    String badge_alt();
}
