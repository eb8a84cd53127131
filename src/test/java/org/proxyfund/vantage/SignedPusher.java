package org.proxyfund.vantage;

import org.proxyfund.vantage.wire.SignedRequest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes prepared result bodies as an agent does (java.net.http, Ed25519-signed headers, as the agent program's
 * ServiceClient), counting what the service accepted and the CPU the pushing thread itself spent, so a benchmark can
 * tell the service's CPU from its in-process client's. Also reads a process tree's CPU from /proc.
 */
final class SignedPusher {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final AgentFixtures.Caller agent;
    private long clientCpuNanos;

    SignedPusher(URI base, AgentFixtures.Caller agent) {
        this.base = base;
        this.agent = agent;
    }

    /** Pushes each body in turn (one push after the other, as one agent does); the results accepted. */
    int pushAll(List<byte[]> bodies) throws IOException, InterruptedException {
        var threads = ManagementFactory.getThreadMXBean();
        int accepted = 0;
        for (byte[] body : bodies) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long now = System.currentTimeMillis();
            byte[] n = new byte[16];
            ThreadLocalRandom.current().nextBytes(n);
            String nonce = HexFormat.of().formatHex(n);
            String path = "/api/v1/agent/results";
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .header(SignedRequest.AGENT, Long.toString(agent.agentId())).header(SignedRequest.TIMESTAMP, Long.toString(now))
                    .header(SignedRequest.NONCE, nonce).header(SignedRequest.SIGNATURE, SignedRequest.sign(agent.keys().getPrivate(),
                            SignedRequest.canonical("POST", path, agent.agentId(), now, nonce, body)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            clientCpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            cpu0 = threads.getCurrentThreadCpuTime();
            if (response.statusCode() != 200) throw new IllegalStateException("push refused: " + response.statusCode() + " " + response.body());
            Matcher m = ACCEPTED.matcher(response.body());
            if (!m.find()) throw new IllegalStateException("no count in " + response.body());
            accepted += Integer.parseInt(m.group(1));
            clientCpuNanos += threads.getCurrentThreadCpuTime() - cpu0;
        }
        return accepted;
    }

    /** CPU nanoseconds the pushing thread spent building, signing and reading (not waiting). */
    long clientCpuNanos() {
        return clientCpuNanos;
    }

    /** User + system CPU seconds of a process and its current descendants, from /proc (ticks of 1/100 s). */
    static double treeCpuSeconds(long pid) {
        return ProcessHandle.of(pid).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .orElse(java.util.stream.Stream.empty()).mapToDouble(p -> cpuSeconds(p.pid())).sum();
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
