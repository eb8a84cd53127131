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

    @Message("no answer within {ms} ms")
    String mtproto_timeout(String ms);

    @Message("no answer within {ms} ms (MTProxy ignores a client whose secret it does not know, so the secret may be wrong)")
    String mtproto_timeout_dd(String ms);

    @Message("the resPQ lists none of Telegram's RSA keys: whatever answered is not Telegram")
    String mtproto_not_telegram_keys();

    @Message("the answer to req_DH_params is not encrypted with our new_nonce: whatever answered does not hold Telegram's RSA key")
    String mtproto_not_new_nonce();

    @Message("Telegram DC {dc} proved its RSA key through the proxy, dd form")
    String mtproto_up_dd(String dc);

    @Message("Telegram DC {dc} proved its RSA key through the proxy, ee (fake TLS for {domain}) form")
    String mtproto_up_ee(String dc, String domain);

    @Message("the answer to our fake-TLS hello: {error}")
    String faketls_bad_answer(String error);

    @Message("the endpoint closed the connection instead of answering our fake-TLS hello: the issued secret is not configured for {domain}")
    String faketls_closed(String domain);

    @Message("a TLS server answered without our secret's HMAC: the proxy does not know the issued secret (real proxies hand such clients to {domain})")
    String faketls_not_our_secret(String domain);

    @Message("the data centre answered transport error {code}: what reached it was not our request")
    String mtproto_transport_error(String code);

    @Message("the connection broke off before the data centre's answer was complete")
    String mtproto_cut_short();

    @Message("the proxy proved it knows the secret (fake-TLS HMAC) but closed the connection without an answer from DC {dc}: it did not relay to Telegram")
    String mtproto_closed_after_hmac(String dc);

    @Message("the proxy closed the connection without answering: that is how a proxy drops a client whose secret it does not know (it would do the same if it could not reach Telegram)")
    String mtproto_closed_unknown_secret();

    @Message("Telegram DC {dc} at {address} {what}")
    String telegram_dc_failed(String dc, String address, String what);

    @Message("answered transport error {code}")
    String tg_transport_error(String code);

    @Message("answered with none of Telegram's RSA keys: it is not Telegram")
    String tg_not_telegram_keys();

    @Message("could not prove it holds Telegram's RSA key: it is not Telegram")
    String tg_no_proof();

    @Message("never answered: the connection was closed")
    String tg_never_answered();

    @Message("broke off its answer")
    String tg_broke_off();

    @Message("answered something that is not Telegram's: {error}")
    String tg_not_telegram(String error);

    @Message("the monitor cannot speak the Shadowsocks cipher '{cipher}'")
    String ss_unknown_cipher(String cipher);

    @Message("a Shadowsocks chunk length of {size} is out of range")
    String ss_chunk_length(String size);

    @Message("the reply failed {cipher} authentication: the server uses another password or cipher")
    String ss_bad_tag(String cipher);

    @Message("the server stayed silent without answering our well-formed request: it does not hold the issued password (or could not reach the canary)")
    String ss_silent();

    @Message("the server reset the connection without answering our well-formed request: it does not hold the issued password (or could not reach the canary)")
    String ss_reset();

    @Message("the server closed the connection without answering our well-formed request: it does not hold the issued password (or could not reach the canary)")
    String ss_closed();

    @Message("the Shadowsocks reply was cut short")
    String ss_cut_short();

    @Message("the endpoint's tls-auth/tls-crypt settings cannot be read; the validator should have refused them")
    String openvpn_unreadable_key();

    @Message("network error: {error}")
    String openvpn_network_error(String error);

    @Message("ICMP port unreachable: nothing listens on the UDP port")
    String openvpn_port_unreachable();

    @Message("a TCP packet length of {length} is not OpenVPN")
    String openvpn_tcp_length(String length);

    @Message("the server closed the TCP connection after our hard reset: it does not accept our tls-auth/tls-crypt key (key, key direction or digest differ)")
    String openvpn_tcp_closed_keyed();

    @Message("the server closed the TCP connection after our hard reset: it probably requires tls-auth or tls-crypt; register the key")
    String openvpn_tcp_closed_unkeyed();

    @Message("the OpenVPN server answered our hard reset; relaying through the VPN is not proven")
    String openvpn_up();

    @Message("the OpenVPN server answered our hard reset under the operator's tls-auth/tls-crypt key; relaying through the VPN is not proven")
    String openvpn_up_keyed();

    @Message("the server's reply does not authenticate under our tls-auth/tls-crypt key")
    String openvpn_bad_key();

    @Message("no answer over {transport} within {ms} ms: the server drops our keyed reset (wrong tls-auth/tls-crypt key, key direction or digest), or a firewall drops the traffic")
    String openvpn_silent_keyed(String transport, String ms);

    @Message("no answer over {transport} within {ms} ms; if the server uses tls-auth or tls-crypt, register its key")
    String openvpn_silent(String transport, String ms);

    @Message("the server answered our hard reset, but its ownership token is not verified yet: it is looked for within a minute of registration and of every address change")
    String ownership_not_yet();

    @Message("the server answered our hard reset, but its ownership token is not verified: {why}")
    String ownership_not_verified(String why);

    @Message("the monitor holds no usable WireGuard private key for this endpoint")
    String wg_no_monitor_key();

    @Message("the registered server public key is not 32 bytes of base64")
    String wg_bad_server_key();

    @Message("ICMP port unreachable: nothing listens on UDP port {port}")
    String wg_port_unreachable(String port);

    @Message("UDP to the endpoint failed: {error}")
    String wg_udp_failed(String error);

    @Message("the registered server public key is not usable: {error}")
    String wg_unusable_server_key(String error);

    @Message("the UDP port answered, but not with WireGuard messages")
    String wg_foreign();

    @Message("the server is under load: it sent a cookie reply but no handshake response within {ms} ms")
    String wg_under_load(String ms);

    @Message("no handshake response within {ms} ms, while the host refuses UDP port {port}: something listens on the WireGuard port but ignores the monitor's key (its public key is not a peer there, or the registered server public key is wrong)")
    String wg_ignores_key(String ms, String port);

    @Message("no handshake response within {ms} ms: the host is down or filtered, or the server does not have the monitor's public key as a peer (WireGuard stays silent to both)")
    String wg_silent(String ms);

    @Message("WireGuard handshake completed with the registered server key; no traffic relayed (WireGuard carries none without a tunnel)")
    String wg_up();

    @Message("WireGuard handshake completed with the registered server key after a cookie reply (server under load); no traffic relayed (WireGuard carries none without a tunnel)")
    String wg_up_cookie();

    @Message("the server answered our handshake but its response does not authenticate: it probably mixes a preshared key for the monitor's peer; remove it")
    String wg_not_authenticated();

    @Message("the monitor is stopping")
    String monitor_stopping();

    @Message("no checker for this protocol yet")
    String no_checker();

    @Message("monitor impaired this round: {why}")
    String impaired_round(String why);

    @Message("the check did not finish within its overall deadline of {seconds} s (connect, handshake and relay together): the endpoint answers too slowly, e.g. a trickle of bytes, each just inside the read timeout")
    String check_deadline(String seconds);

    @Message("the monitor's checker failed: {error}")
    String checker_failed(String error);

    @Message("a self-check during this check failed")
    String self_check_failed();

    @Message("monitor impaired during this check ({why}); it found: {reason}")
    String impaired_during(String why, String reason);

    @Message("the check did not finish within {seconds} s")
    String trial_deadline(String seconds);

    @Message("the check failed on our side: {error}")
    String trial_failed(String error);

    @Message("the check was interrupted on our side")
    String trial_interrupted();
}
