package org.proxyfund.wallet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Read-only JSON-RPC calls to the operator's own node ({@code proxyfund.wallet.rpc-url}), for what the wallet cannot
 * know by itself: the node's fee estimate and its mempool. Numbers come back as exact decimals (amounts in BTC).
 */
@ApplicationScoped
public class NodeRpc {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    // HTTP/1.1: Java's default h2c upgrade request is left unanswered by some nodes' RPC servers (bcoin).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    WalletConfig config;

    /** Whether a node RPC is configured at all. */
    public boolean configured() {
        return config.rpcUrl().filter(u -> !u.isBlank()).isPresent();
    }

    /** The {@code result} of {@code method}; an IOException for no answer, a refusal or an RPC error. */
    public JsonNode call(String method, Object... params) throws IOException {
        URI url = URI.create(config.rpcUrl().orElseThrow(() -> new IOException("proxyfund.wallet.rpc-url is not set")));
        String auth = "Basic " + Base64.getEncoder().encodeToString((config.rpcUser().orElse("") + ":"
                + config.rpcPassword().orElse("")).getBytes(StandardCharsets.UTF_8));
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "1.0", "id", "proxyfund", "method", method, "params", params));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.rpcTimeout()).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the node", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException("the node refused the RPC credentials (HTTP " + response.statusCode() + ")");
        }
        JsonNode reply = JSON.readTree(response.body());
        JsonNode error = reply.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new IOException(method + ": code " + error.path("code").asInt() + ": " + error.path("message").asText(""));
        }
        return reply.path("result");
    }
}
