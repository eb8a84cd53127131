package org.proxyfund.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the site's shared layout and home page; Russian in messages/msg_ru.properties. */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {

    @Message("proxyfund")
    String site_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Home")
    String nav_home();

    @Message("API")
    String nav_api();

    @Message("Language")
    String language();

    @Message("Pages")
    String pages();

    @Message("Newest")
    String page_newest();

    @Message("← Newer")
    String page_newer();

    @Message("Older →")
    String page_older();

    @Message("Bitcoin for the people who keep messengers reachable")
    String home_title();

    @Message("When a government blocks a messenger, volunteers keep it reachable by running proxies and VPNs. "
            + "Donors fund them in bitcoin; proxyfund checks that each proxy really relays traffic and pays its operator for proven uptime.")
    String home_lead();

    @Message("For operators")
    String home_operators_heading();

    @Message("Register your MTProto, SOCKS5, HTTP, Shadowsocks, WireGuard or OpenVPN endpoint and a bitcoin address. "
            + "No e-mail or real name needed; nothing of yours is shown publicly.")
    String home_operators_text();

    @Message("For donors")
    String home_donors_heading();

    @Message("Every donation gets a fresh address. Every satoshi received and paid is listed publicly.")
    String home_donors_text();

    @Message("Health checks")
    String home_checks_heading();

    @Message("Each endpoint is checked every minute by pushing real traffic through it, from more than one vantage point.")
    String home_checks_text();

    @Message("Open source. No trackers, no external scripts or fonts: this site works where CDNs are blocked.")
    String footer_text();
}
