package org.proxyfund.webhook;

import com.sun.net.httpserver.HttpServer;
import org.proxyfund.common.testing.TestPorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback: records every request and answers with the status the test sets. */
public final class TestReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Instant at, String event, String eventId, String signature, String body) {
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger status = new AtomicInteger(204);
    private final HttpServer server;

    public TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPorts.listen()), 16);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("Proxyfund-Event"),
                    exchange.getRequestHeaders().getFirst("Proxyfund-Event-Id"),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER), body));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
