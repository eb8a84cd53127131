package org.proxyfund.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.proxyfund.vantage.AgentResult;
import org.proxyfund.vantage.AgentWork;
import org.proxyfund.vantage.wire.SignedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The agent's side of the agent API: enrollment, then signed lease and result calls over HTTP(S). */
final class ServiceClient {

    /** The service could not be reached or answered 5xx / 429: try again later. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The service refused the request (4xx); {@code code} is the problem's stable code. */
    static final class Refused extends Exception {
        final int status;
        final String code;

        Refused(int status, String code, String detail) {
            super(status + " " + code + ": " + detail);
            this.status = status;
            this.code = code;
        }

        boolean revoked() {
            return "agent.revoked".equals(code);
        }
    }

    /** What a lease brought: the canary's address and the checks. */
    record Lease(String canaryHost, int canaryPort, List<AgentWork> checks) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final SecureRandom random = new SecureRandom();

    ServiceClient(URI service) {
        this.service = service;
    }

    /** Enrolls the key with the one-time token; the agent id the service gave. */
    long enroll(String token, KeyPair keys) throws Unavailable, Refused {
        String body = write(Map.of("token", token, "publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())));
        return read(send("/api/v1/agent/enroll", body, null)).path("agentId").asLong();
    }

    Lease lease(AgentIdentity id, int max) throws Unavailable, Refused {
        JsonNode answer = read(send("/api/v1/agent/lease", "{\"max\":" + max + "}", id));
        List<AgentWork> checks = new ArrayList<>();
        for (JsonNode n : answer.path("checks")) {
            try {
                checks.add(json.treeToValue(n, AgentWork.class));
            } catch (IOException e) {
                throw new Unavailable("unreadable lease: " + e.getMessage());
            }
        }
        return new Lease(answer.path("canaryHost").asText(), answer.path("canaryPort").asInt(), checks);
    }

    /** Pushes results; the number the service accepted. */
    int push(AgentIdentity id, List<AgentResult> results) throws Unavailable, Refused {
        return read(send("/api/v1/agent/results", write(Map.of("results", results)), id)).path("accepted").asInt();
    }

    private HttpResponse<String> send(String path, String body, AgentIdentity id) throws Unavailable, Refused {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (id != null) {
            long now = System.currentTimeMillis();
            byte[] n = new byte[16];
            random.nextBytes(n);
            String nonce = HexFormat.of().formatHex(n);
            String fullPath = URI.create(service + path).getRawPath();
            request.header(SignedRequest.AGENT, Long.toString(id.agentId())).header(SignedRequest.TIMESTAMP, Long.toString(now))
                    .header(SignedRequest.NONCE, nonce).header(SignedRequest.SIGNATURE, SignedRequest.sign(id.keys().getPrivate(),
                            SignedRequest.canonical("POST", fullPath, id.agentId(), now, nonce, bytes)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(path + ": interrupted");
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) throw new Unavailable(path + ": HTTP " + status);
        if (status >= 400) {
            JsonNode problem = readQuietly(response.body());
            throw new Refused(status, problem.path("code").asText("http." + status), problem.path("detail").asText(""));
        }
        return response;
    }

    private JsonNode read(HttpResponse<String> response) throws Unavailable {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable("unreadable answer: " + e.getMessage());
        }
    }

    private JsonNode readQuietly(String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
