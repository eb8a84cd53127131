package org.proxyfund.probe.schedule;

import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.Canary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The monitor checking itself: a nonce round trip to its own canary at its public address and, when configured,
 * at least one reference endpoint accepting a TCP connection. Remembers the latest verdict and when it last failed.
 */
public class SelfCheck {

    /** One self-check: when it started (wall clock and System.nanoTime) and whether the monitor can check fairly. */
    public record Verdict(OffsetDateTime startedAt, long startedNanos, boolean healthy, String detail) {
    }

    private final Canary canary;
    private final ProbeConfig probe;
    private final List<String> references;
    private final Consumer<Verdict> onRun;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Verdict latest;
    private volatile long lastFailureNanos = Long.MIN_VALUE;

    /** {@code onRun} sees every verdict (the scheduler writes it as a monitor_round). */
    public SelfCheck(Canary canary, ProbeConfig probe, List<String> references, Consumer<Verdict> onRun) {
        this.canary = canary;
        this.onRun = onRun;
        this.probe = probe;
        this.references = List.copyOf(references);
        for (String r : references) parse(r);
    }

    /** Runs a self-check now. */
    public Verdict run() {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        String problem = canaryProblem();
        if (problem == null && !references.isEmpty() && references.stream().noneMatch(this::reachable)) {
            problem = "none of the reference endpoints " + references + " accepted a connection: the monitor's outbound path is impaired";
        }
        Verdict verdict = new Verdict(startedAt, started, problem == null, problem == null ? "canary round trip"
                + (references.isEmpty() ? "" : " and a reference endpoint") + " OK" : problem);
        if (!verdict.healthy()) lastFailureNanos = Math.max(lastFailureNanos, started);
        latest = verdict;
        onRun.accept(verdict);
        return verdict;
    }

    /**
     * A verdict from a self-check started at or after {@code sinceNanos}: the latest one if it is recent enough, else
     * a new one. Concurrent callers share one run, so a burst of DOWN results costs one self-check.
     */
    public Verdict runSince(long sinceNanos) {
        Verdict v = latest;
        if (v != null && v.startedNanos() - sinceNanos >= 0) return v;
        lock.lock();
        try {
            v = latest;
            return v != null && v.startedNanos() - sinceNanos >= 0 ? v : run();
        } finally {
            lock.unlock();
        }
    }

    /** True when a self-check that started at or after {@code sinceNanos} failed. */
    public boolean failedSince(long sinceNanos) {
        long failed = lastFailureNanos;
        return failed != Long.MIN_VALUE && failed - sinceNanos >= 0;
    }

    /** The latest verdict, or null before the first self-check. */
    public Verdict latest() {
        return latest;
    }

    private String canaryProblem() {
        if (!canary.isRunning()) return "the monitor's canary is not listening";
        byte[] frame = canary.newFrame();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(canary.publicHost(), canary.publicPort()), (int) probe.connectTimeout().toMillis());
            socket.setSoTimeout((int) probe.ioTimeout().toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(frame);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(Canary.ANSWER_BYTES);
            return MessageDigest.isEqual(answer, canary.expectedAnswer(frame)) ? null : "the monitor's canary did not answer a fresh nonce at "
                    + canary.publicHost() + ":" + canary.publicPort();
        } catch (IOException e) {
            return "the monitor cannot reach its own canary at " + canary.publicHost() + ":" + canary.publicPort() + ": " + e.getMessage();
        }
    }

    private boolean reachable(String reference) {
        InetSocketAddress address = parse(reference);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), (int) probe.connectTimeout().toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetSocketAddress parse(String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("proxyfund.probe.schedule.reference-endpoints: not host:port: " + reference);
        String host = reference.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(reference.substring(colon + 1));
        return InetSocketAddress.createUnresolved(host, port);
    }
}
