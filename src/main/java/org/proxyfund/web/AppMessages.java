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

    @Message("{#when status}{#is 400}Request not understood{#is 404}Page not found{#is 405}Not possible here{#is 413}Too much text{#is 415}Form not understood{#else}Something went wrong{/when}")
    String error_title(int status);

    @Message("{#when status}{#is 400}The service could not read this request. Open the page again and resend the form.{#is 404}There is no such page here, or it is not yours to see. Check the address, or start again from the home page.{#is 405}This page cannot be used this way. Open it again from a link on the site.{#is 413}The form carried more text than the service accepts (at most 1 MB in all). Shorten it and send it again.{#is 415}The service could not read this form. Open the page again and resend it.{#else}The service failed to answer this request. Try again in a moment; if it keeps failing, tell the admins what you did.{/when}")
    String error_text(int status);

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

    @Message("Our monitor checks each endpoint about once a minute. A proxy must carry real traffic to our test server and to "
            + "Telegram with the credential we issued, and must refuse it without; a WireGuard or OpenVPN server must complete "
            + "a handshake with the key we hold. An endpoint without a recent result is shown as stale, never as up, and an "
            + "epoch without enough recorded checks earns nothing.")
    String home_checks_text();

    @Message("Where volunteers run our probe agents inside a censored country, the endpoints serving that country are also "
            + "checked from inside it. An endpoint blocked there while it answers from abroad is shown to its operator as blocked, and once "
            + "agents on at least two of that country's networks have checked it, it is paid on how well it could be reached "
            + "from inside, not from our servers abroad. Where no agents run, our servers' checks decide alone.")
    String home_checks_inside();

    @Message("Open source. No trackers, no external scripts or fonts: this site works where CDNs are blocked.")
    String footer_text();
}
