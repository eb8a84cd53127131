package org.proxyfund.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus's blackbox_exporter (Debian package prometheus-blackbox-exporter) with a tcp_connect module, driven
 * the way Prometheus drives it (GET /probe?module=..&target=..) at a fixed concurrency for a fixed time, its own
 * process's CPU measured from /proc: the baseline the monitor's figures are divided by.
 */
final class BlackboxExporterRun {

    static final String BINARY = "/usr/bin/prometheus-blackbox-exporter";

    private BlackboxExporterRun() {
    }

    static Measurement run(String system, List<Integer> targetPorts, int concurrency, Duration duration, File workDir) throws Exception {
        workDir.mkdirs();
        Path config = workDir.toPath().resolve("blackbox.yml");
        Files.writeString(config, "modules:\n  tcp_connect:\n    prober: tcp\n    timeout: 5s\n");
        int port = freePort();
        Process exporter = new ProcessBuilder(BINARY, "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.toPath().resolve("blackbox.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            awaitHealthy(http, port, exporter);
            return drive(system, http, port, exporter.pid(), targetPorts, concurrency, duration);
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(5, TimeUnit.SECONDS)) exporter.destroyForcibly();
        }
    }

    private static Measurement drive(String system, HttpClient http, int port, long pid, List<Integer> targets,
                                     int concurrency, Duration duration) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong probes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Sampler sampler = Sampler.start(pid);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    int target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
                    long t0 = System.nanoTime();
                    boolean ok = probe(http, port, target);
                    latencies.add((System.nanoTime() - t0) / 1000);
                    probes.incrementAndGet();
                    if (!ok) failures.incrementAndGet();
                }
            }));
        }
        for (Thread w : workers) w.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        Sampler.Totals totals = sampler.stop();
        return new Measurement(system, targets.size(), probes.get(), failures.get(), seconds, totals.cpuSeconds(),
                ProcStats.percentile(latencies, 99), totals.peakRssBytes());
    }

    private static boolean probe(HttpClient http, int port, int target) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/probe?module=tcp_connect&target=127.0.0.1:" + target)).timeout(Duration.ofSeconds(10)).build();
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return body.contains("\nprobe_success 1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitHealthy(HttpClient http, int port, Process exporter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!exporter.isAlive()) throw new IllegalStateException("blackbox_exporter exited; see its log");
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/healthy")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("blackbox_exporter did not become healthy within 15 s");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
