package org.proxyfund.probe.relay;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.endpoint.TestEndpointConfig;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.TestProbeConfig;
import org.proxyfund.probe.canary.Canary;
import org.proxyfund.probe.socks5.Socks5Checker;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cheating "proxy" that speaks SOCKS5 perfectly and accepts any credential but, instead of relaying to the
 * canary, echoes what it receives: the check must not count it as UP.
 */
@PlainLane
class FakeRelayTest {

    private final TestProbeConfig config = new TestProbeConfig();
    private final Canary canary = new Canary(config);
    private ServerSocket fake;

    @BeforeEach
    void start() throws IOException {
        canary.start();
        fake = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!fake.isClosed()) {
                try {
                    Socket client = fake.accept();
                    Thread.ofVirtual().start(() -> pretend(client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        fake.close();
        canary.stop();
    }

    @Test
    void shouldFindAnEchoingFakeProxyRelayFailedNotUp() {
        Socks5Checker checker = new Socks5Checker(new HostGuard(new TestEndpointConfig("127.0.0.1")), canary, config);
        CheckResult result = checker.check(new CheckTarget("127.0.0.1", fake.getLocalPort(), new MonitorCredential(
                EndpointType.SOCKS5, Map.of(MonitorCredential.USERNAME, "u", MonitorCredential.PASSWORD, "p"))));
        assertEquals(CheckStatus.DOWN, result.status(), result.detail());
        assertEquals(DownReason.RELAY_FAILED, result.reason(), result.detail());
    }

    /** Greeting, any username/password, any CONNECT: all "succeed"; then every byte is echoed back. */
    private static void pretend(Socket client) {
        try (client) {
            client.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte();
            in.readNBytes(in.readUnsignedByte());
            out.write(new byte[]{5, 2});
            in.readUnsignedByte();
            in.readNBytes(in.readUnsignedByte());
            in.readNBytes(in.readUnsignedByte());
            out.write(new byte[]{1, 0});
            in.readNBytes(3);
            skipAddress(in);
            out.write(new byte[]{5, 0, 0, 1, 127, 0, 0, 1, 0, 80});
            out.flush();
            in.transferTo(out);
        } catch (IOException e) {
            // the checker hung up
        }
    }

    private static void skipAddress(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        int length = switch (type) {
            case 1 -> 4;
            case 4 -> 16;
            default -> in.readUnsignedByte();
        };
        in.readNBytes(length + 2);
    }
}
