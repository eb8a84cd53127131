package org.proxyfund.probe;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The technical details of check results (a {@link Detail} names one of these methods); Russian in
 * messages/detail_ru.properties. English texts hold only plain {@code {parameter}} placeholders (see {@link DetailTexts}).
 */
@MessageBundle(value = "detail", locale = "en")
public interface DetailMessages {

    @Message("{text}")
    String verbatim(String text);

    @Message("{first}; {then}")
    String joined(String first, String then);

    @Message("nonce relayed through the endpoint")
    String nonce_relayed();

    @Message("nonce relayed through the endpoint to the canary")
    String relayed_to_canary();

    @Message("it refused a client without our credential")
    String control_refused();

    @Message("no TCP connection within {ms} ms")
    String tcp_timeout(String ms);

    @Message("TCP connection failed: {error}")
    String tcp_failed(String error);

    @Message("TCP connect only: weaker evidence")
    String tcp_only();

    @Message("no complete HTTP response to CONNECT")
    String http_incomplete();

    @Message("not an HTTP response to CONNECT")
    String http_not_http();

    @Message("the endpoint refused the issued credential ({code})")
    String http_credential_refused(String code);

    @Message("the endpoint answered {code} to CONNECT to {target}")
    String http_connect_refused(String code, String target);

    @Message("the endpoint requires authentication")
    String socks_requires_auth();

    @Message("the endpoint closed the connection during the SOCKS5 greeting")
    String socks_closed_greeting();

    @Message("not a SOCKS5 server (version byte {version})")
    String socks_not_socks(String version);

    @Message("the endpoint does not offer username/password authentication")
    String socks_no_password_method();

    @Message("the endpoint chose a method we did not offer: {method}")
    String socks_unoffered_method(String method);

    @Message("the endpoint refused the issued username/password")
    String socks_credential_refused();

    @Message("the endpoint closed the connection after our CONNECT")
    String socks_closed_after_connect();

    @Message("malformed SOCKS5 reply to CONNECT")
    String socks_malformed_reply();

    @Message("the endpoint refused to CONNECT to the canary (SOCKS5 reply {code})")
    String socks_connect_refused(String code);

    @Message("malformed bound address in the SOCKS5 reply")
    String socks_malformed_address();

    @Message("handshake broke off: {error}")
    String handshake_broke_off(String error);

    @Message("connection failed: {error}")
    String connection_failed(String error);

    @Message("no answer within {ms} ms during the handshake")
    String timeout_handshake(String ms);

    @Message("no answer within {ms} ms waiting for the answer to come back through the tunnel")
    String timeout_answer(String ms);

    @Message("the canary's answer to our nonce did not come back through the endpoint")
    String canary_answer_missing();

    @Message("the monitor's canary is not listening")
    String canary_not_listening();

    @Message("canary address {first} was not reached through the endpoint ({failure}), {second} was")
    String canary_second_reached(String first, String failure, String second);

    @Message("{failure}; at the second canary address {second} too: {again}")
    String canary_second_failed(String failure, String second, String again);

    @Message("it relayed our nonce to the canary for a client that offered no authentication at all: anyone can use it, so it proves nothing about who runs it. Configure the issued credential so that only it is relayed.")
    String open_no_auth();

    @Message("it relayed our nonce to the canary for a client with a username and password we never issued: anyone can use it, so it proves nothing about who runs it. Configure the issued credential so that only it is relayed.")
    String open_wrong_credential();

    @Message("it relayed our nonce to the canary, but {target}")
    String canary_only(String target);

    @Message("Telegram DC {dc} at {address} proved its key through it")
    String target_reached(String dc, String address);

    @Message("the endpoint did not carry us to Telegram at {address} ({failure}), which the monitor reaches directly")
    String target_not_relayed(String address, String failure);

    @Message("the endpoint did not carry us to Telegram at {first} and {second} ({failure}), which the monitor reaches directly")
    String target_not_relayed_two(String first, String second, String failure);

    @Message("Telegram at {address} is out of the monitor's own reach too, so this check rests on the canary alone")
    String target_inconclusive(String address);

    @Message("Telegram at {first} and {second} is out of the monitor's own reach too, so this check rests on the canary alone")
    String target_inconclusive_two(String first, String second);
}
