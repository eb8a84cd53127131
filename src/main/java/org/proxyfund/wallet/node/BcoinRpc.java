package org.proxyfund.wallet.node;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitcoinj.base.Bech32;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * JSON-RPC to a bcoin regtest node, with its quirk handled: its bech32 prefix is {@code rb} where everyone else writes
 * {@code bcrt} (same witness program).
 */
public final class BcoinRpc {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    // HTTP/1.1: bcoin leaves Java's default h2c upgrade request unanswered.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private final String rpcUrl;
    private final String apiKey;

    /** A bcoin node's RPC at {@code rpcUrl} (HTTP basic auth with {@code apiKey} as password). */
    public BcoinRpc(String rpcUrl, String apiKey) {
        this.rpcUrl = rpcUrl;
        this.apiKey = apiKey;
    }

    public BcoinRpc(RunningNode node) {
        this(node.rpcUrl(), node.apiKey());
    }

    /** A call to the node (chain, mining, mempool, raw transactions). */
    public JsonNode node(String method, Object... params) throws IOException {
        return call(rpcUrl, method, params);
    }

    /** The bcoin spelling of a standard regtest address ({@code bcrt1…} → {@code rb1…}); others unchanged. */
    public static String toNode(String address) {
        if (address.startsWith("bcrt1")) {
            Bech32.Bech32Data d = Bech32.decode(address);
            return Bech32.encode(d.encoding, "rb", d);
        }
        return address;
    }

    private JsonNode call(String url, String method, Object... params) throws IOException {
        String auth = Base64.getEncoder().encodeToString(("x:" + apiKey).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("method", method, "params", params))))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the local node", e);
        }
        JsonNode reply = JSON.readTree(response.body());
        JsonNode error = reply.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new IOException("bcoin " + method + ": " + error.path("message").asText(error.toString()));
        }
        return reply.path("result");
    }
}
