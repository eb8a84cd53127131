package org.proxyfund.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Broadcasts through a node's JSON-RPC {@code sendrawtransaction} (Bitcoin Core, bcoin, ...). */
final class RpcBroadcaster {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI url;
    private final String auth;
    private final Duration timeout;

    // HTTP/1.1: Java's default h2c upgrade request is left unanswered by some nodes' RPC servers (bcoin).
    RpcBroadcaster(String url, String user, String password, Duration timeout) {
        this.url = URI.create(url);
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    BroadcastResult broadcast(String txid, byte[] raw) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "1.0", "id", "proxyfund", "method", "sendrawtransaction",
                "params", new Object[] {HexFormat.of().formatHex(raw)}));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException("the node refused the RPC credentials (HTTP " + response.statusCode() + ")");
        }
        JsonNode reply = JSON.readTree(response.body());
        JsonNode error = reply.path("error");
        if (error.isMissingNode() || error.isNull()) {
            return new BroadcastResult(txid, BroadcastResult.Outcome.SENT, "accepted by " + url.getHost());
        }
        String message = error.path("message").asText("");
        int code = error.path("code").asInt();
        // -27: already in the chain; "already" / "txn-already-known": already in the mempool.
        if (code == -27 || message.toLowerCase().contains("already")) {
            return new BroadcastResult(txid, BroadcastResult.Outcome.ALREADY_KNOWN, message);
        }
        return new BroadcastResult(txid, BroadcastResult.Outcome.REJECTED, "code " + code + ": " + message);
    }
}
