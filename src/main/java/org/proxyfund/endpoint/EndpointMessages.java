package org.proxyfund.endpoint;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the endpoint pages that are the endpoint package's own: protocol-field and credential labels, retirement;
 * Russian in messages/ep_ru.properties. A field or credential key without a label here is shown as it is stored.
 */
@MessageBundle(value = "ep", locale = "en")
public interface EndpointMessages {

    @Message("{#when k}{#is 'cipher'}Shadowsocks: cipher{#is 'serverPublicKey'}WireGuard: server public key"
            + "{#is 'transport'}OpenVPN: transport{#is 'tlsAuthKey'}OpenVPN: tls-auth key (optional, the ta.key block your clients get)"
            + "{#is 'keyDirection'}OpenVPN: clients' key-direction{#is 'authDigest'}OpenVPN: auth digest"
            + "{#is 'tlsCryptKey'}OpenVPN: tls-crypt key (optional, instead of tls-auth){#is 'fakeTlsDomain'}MTProto: fake-TLS domain"
            + "{#else}{k}{/when}")
    String field_label(String k);

    @Message("{#when f}{#is 'type'}Type{#is 'label'}Name{#is 'host'}Host{#is 'port'}Port{#is 'region'}Region"
            + "{#is 'id'}Endpoint{#is 'protocolFields.cipher'}Shadowsocks cipher{#is 'protocolFields.serverPublicKey'}WireGuard key"
            + "{#is 'protocolFields.transport'}OpenVPN transport{#is 'protocolFields.tlsAuthKey'}tls-auth key"
            + "{#is 'protocolFields.keyDirection'}key-direction{#is 'protocolFields.authDigest'}auth digest"
            + "{#is 'protocolFields.tlsCryptKey'}tls-crypt key{#is 'protocolFields.fakeTlsDomain'}fake-TLS domain{#else}{f}{/when}")
    String error_field(String f);

    @Message("none")
    String key_direction_none();

    @Message("{#when k}{#is 'username'}User name{#is 'password'}Password{#is 'secret'}Secret"
            + "{#is 'secretDd'}Secret, dd form (random padding){#is 'secretEe'}Secret, ee form (fake TLS)"
            + "{#is 'tgLinkDd'}Telegram link, dd form{#is 'tgLinkEe'}Telegram link, ee form{#is 'ssUri'}Shadowsocks link (ss://)"
            + "{#is 'monitorPublicKey'}Monitor's public key (add it as a peer){#is 'ownershipToken'}Ownership token"
            + "{#is 'dnsTxtName'}Name of the DNS TXT record{#is 'wellKnownUrl'}Or publish the token at"
            + "{#else}{k}{/when}")
    String credential_label(String k);

    @Message("What your proxy must allow")
    String allow_heading();

    @Message("Each check asks your proxy, with the credential above, to connect to one of these addresses (chosen at random): "
            + "our test server answers at the first, Telegram's data centres at the others. Allow connections to all of them, "
            + "and relay nothing without the credential: a proxy that relays without it is reported as an open proxy.")
    String allow_hint();

    @Message("Configuration that passes")
    String snippet_heading();

    @Message("Copy the lines for your server: they enforce the credential issued above and allow the addresses listed.")
    String snippet_hint();

    @Message("Check now")
    String trial_heading();

    @Message("Until an admin approves this endpoint it is not checked on schedule. Run the same check we will run, to see "
            + "that your setup passes; it is not counted as uptime and earns nothing.")
    String trial_hint();

    @Message("Run the check")
    String trial_button();

    @Message("{#when status}{#is 'UP'}Passed{#is 'DOWN'}Failed{#else}Inconclusive (the problem was on our side){/when} at {time}.")
    String trial_result(String status, String time);

    @Message("You can run it again from {time}.")
    String trial_wait(String time);

    @Message("Ownership token")
    String ownership_heading();

    @Message("{#when s}{#is 'VERIFIED'}Verified: we found your token, so this endpoint can earn."
            + "{#is 'NOT_FOUND'}Not found: neither the DNS TXT record nor the well-known URL shown above holds the token. Until we find it, this endpoint earns nothing."
            + "{#is 'UNREACHABLE'}We could not look: the DNS lookup failed, or the well-known URL did not answer (the web server on port 80 is down, or a firewall blocks it). Until we find the token, this endpoint earns nothing."
            + "{#is 'HOST_REFUSED'}The host resolves to an address we may not contact, so we could not look. Until we find the token, this endpoint earns nothing."
            + "{#else}Not looked for yet: we look within a minute of registration and of every change of address. Until we find the token, this endpoint earns nothing.{/when}")
    String ownership_state(String s);

    @Message("last looked {time}")
    String ownership_checked(String time);

    @Message("Publish the token as a TXT record at the name shown above, or as the whole body of the URL shown above (plain HTTP on port 80). "
            + "We look again every few hours and at once after you move the endpoint; a token we no longer find stops the earnings at the next look.")
    String ownership_hint();

    @Message("Recently retired")
    String retired_heading();

    @Message("Retire this endpoint")
    String retire_heading();

    @Message("Retiring is final: the endpoint is never checked or paid again, no longer counts against your limit of endpoints, and its address becomes free. Its uptime history, past settlements and payouts stay as they are.")
    String retire_hint();

    @Message("I understand: this endpoint will never be checked or paid again.")
    String retire_confirm();

    @Message("Retire endpoint")
    String retire_button();

    @Message("Tick the box to confirm the retirement.")
    String retire_confirm_missing();

    @Message("Retired on {date}: no longer checked or paid. Its history stays below.")
    String retired_notice(java.time.LocalDate date);
}
