package org.proxyfund.endpoint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering, viewing and moving endpoints through the operator's pages; nobody else sees them. */
@QuarkusTest
class EndpointPagesTest {

    /**
     * A port no other test registers: below Linux's ephemeral range (32768+), where the probe tests' real servers
     * listen and register their endpoints in the same database (a shared port made registration fail as a duplicate).
     */
    static int freePort() {
        return ThreadLocalRandom.current().nextInt(20000, 32000);
    }

    private static String register(WebClient c, String type, String label, String host, int port, String... extra) {
        c.get("/dashboard");
        Object[] fields = new Object[10 + extra.length];
        Object[] base = {"type", type, "label", label, "host", host, "port", String.valueOf(port), "region", "Iran"};
        System.arraycopy(base, 0, fields, 0, 10);
        System.arraycopy(extra, 0, fields, 10, extra.length);
        Response r = c.post("/endpoints", fields);
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void shouldRegisterAnEndpointShowItsCredentialToItsOwnerAndListItOnTheDashboard() {
        WebClient alice = new WebClient();
        alice.signUp("ep-owner");
        int port = freePort();
        String id = register(alice, "SOCKS5", "Tehran <b>relay</b>", "127.0.0.1", port);
        alice.get("/endpoints/" + id).then().statusCode(200)
                .body(containsString("127.0.0.1:" + port))
                .body(containsString("data-key=\"username\"")).body(containsString("pf-"))
                .body(containsString("Tehran &lt;b&gt;relay&lt;/b&gt;")).body(not(containsString("<b>relay</b>")));
        alice.get("/dashboard").then().statusCode(200)
                .body(containsString("127.0.0.1:" + port)).body(containsString("waiting for approval"))
                .body(containsString("Tehran &lt;b&gt;relay&lt;/b&gt;"));
    }

    @Test
    void shouldRegisterAnOpenVpnEndpointWithTheTlsAuthKeyPastedIntoTheForm() {
        WebClient c = new WebClient();
        c.signUp("ep-openvpn");
        String key = "#\n# 2048 bit OpenVPN static key\n#\n-----BEGIN OpenVPN Static key V1-----\n"
                + "0123456789abcdef0123456789abcdef\n".repeat(16) + "-----END OpenVPN Static key V1-----\n";
        String id = register(c, "OPENVPN", "", "127.0.0.1", freePort(), "transport", "udp", "tlsAuthKey", key, "keyDirection", "1");
        c.get("/endpoints/" + id).then().statusCode(200)
                .body(containsString("-----BEGIN OpenVPN Static key V1-----")).body(not(containsString("2048 bit OpenVPN static key")))
                .body(containsString("id=\"ownership\"")).body(containsString("Not looked for yet"))
                .body(containsString("Until we find the token, this endpoint earns nothing."));
        c.get("/dashboard");
        c.post("/endpoints", "type", "OPENVPN", "host", "127.0.0.1", "port", String.valueOf(freePort()), "region", "Iran",
                        "transport", "udp", "tlsAuthKey", "<b>not a key</b>")
                .then().statusCode(400).body(containsString("16 lines of 32 hex digits")).body(not(containsString("<b>not a key</b>")));
    }

    @Test
    void shouldRefuseDuplicatesPrivateHostsAndBadPortsWithMessages() {
        WebClient c = new WebClient();
        c.signUp("ep-rules");
        int port = freePort();
        register(c, "HTTP_CONNECT", "", "127.0.0.1", port);
        c.get("/dashboard");
        c.post("/endpoints", "type", "HTTP_CONNECT", "host", "127.0.0.1", "port", String.valueOf(port), "region", "Iran")
                .then().statusCode(400).body(containsString("is already registered"));
        c.post("/endpoints", "type", "SOCKS5", "host", "10.1.2.3", "port", "1080", "region", "Iran")
                .then().statusCode(400).body(containsString("10.1.2.3"));
        c.post("/endpoints", "type", "SOCKS5", "host", "169.254.169.254", "port", "1080", "region", "Iran")
                .then().statusCode(400).body(containsString("169.254.169.254"));
        c.post("/endpoints", "type", "SOCKS5", "host", "localhost", "port", "1080", "region", "Iran")
                .then().statusCode(400).body(containsString("host"));
        c.post("/endpoints", "type", "SOCKS5", "host", "127.0.0.1", "port", "70000", "region", "Iran")
                .then().statusCode(400).body(containsString("port"));
        c.post("/endpoints", "type", "SHADOWSOCKS", "host", "127.0.0.1", "port", "8388", "region", "Iran")
                .then().statusCode(400).body(containsString("cipher"));
    }

    @Test
    void shouldExplainRefusalsInRussianOnRussianPages() {
        WebClient c = new WebClient();
        c.signUp("ep-ru");
        c.get("/dashboard?lang=ru");
        c.post("/endpoints", "type", "SOCKS5", "host", "192.168.0.10", "port", "1080", "region", "Иран")
                .then().statusCode(400).body(containsString("Этот хост нельзя зарегистрировать"));
        c.post("/endpoints", "type", "SOCKS5", "host", "127.0.0.1", "port", "0", "region", "Иран")
                .then().statusCode(400).body(containsString("Порт должен быть числом от 1 до 65535."));
    }

    @Test
    void shouldMoveAnEndpointKeepingItsIdentityAndHistory() {
        WebClient c = new WebClient();
        c.signUp("ep-mover");
        int port = freePort();
        String id = register(c, "MTPROTO", "tg", "127.0.0.1", port);
        String before = c.get("/endpoints/" + id).asString();
        c.post("/endpoints/" + id + "/rotate", "host", "127.0.0.1", "port", String.valueOf(port + 1)).then().statusCode(303)
                .header("Location", containsString("/endpoints/" + id));
        String after = c.get("/endpoints/" + id).asString();
        assertTrue(after.contains("id=\"endpoint-address\">127.0.0.1:" + (port + 1)), "new address shown");
        assertTrue(after.contains("<td>1</td><td>127.0.0.1:" + port + "</td>"), "old address kept in the history");
        String oldSecret = before.replaceAll("(?s).*<dt data-key=\"secret\">[^<]*</dt><dd><code>([0-9a-f]{32})</code>.*", "$1");
        assertTrue(oldSecret.matches("[0-9a-f]{32}"), "secret shown to the owner");
        assertTrue(!after.contains(oldSecret), "a fresh secret is issued on rotation");
    }

    @Test
    void shouldHideOneOperatorsEndpointFromAnother() {
        WebClient alice = new WebClient();
        alice.signUp("ep-alice");
        int port = freePort();
        String id = register(alice, "SOCKS5", "mine", "127.0.0.1", port);
        WebClient bob = new WebClient();
        bob.signUp("ep-bob");
        bob.get("/endpoints/" + id).then().statusCode(404);
        bob.get("/dashboard").then().body(not(containsString("127.0.0.1:" + port)));
        bob.post("/endpoints/" + id + "/rotate", "host", "127.0.0.1", "port", String.valueOf(port + 2)).then().statusCode(404);
        alice.get("/endpoints/" + id).then().statusCode(200).body(containsString("127.0.0.1:" + port));
    }
}
