package org.proxyfund.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Probe settings for tests that build checkers directly: canary on a free loopback port, no user targets or
 * alternates unless asked, and the negative control on every SOCKS5 / HTTP CONNECT check unless asked.
 *
 * <p>The read timeout is generous ({@link #ANSWER_WAIT}): a real server on a loaded 2-core CI machine may take
 * seconds to answer, and a check that expects an answer must not turn into a TIMEOUT there. A test that proves what
 * silence looks like waits {@link #SILENCE_WAIT} instead ({@link #ioTimeout(Duration)}): a silent server stays silent
 * under load too, so the short wait cannot make that test wrong, only quick.
 */
public record TestProbeConfig(Duration nonceTtl, int nonceCapacity, Optional<List<String>> canaryAlternates,
                              List<String> userTargets, double negativeControlRate, Duration ioTimeout)
        implements ProbeConfig {

    /** How long a check waits for a server expected to answer. */
    public static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    /** How long a check waits where the test expects silence. */
    public static final Duration SILENCE_WAIT = Duration.ofSeconds(2);
    /**
     * How long a check waits where the test expects something that is not the protocol to answer: such a check always
     * waits out its time, so shorter than {@link #ANSWER_WAIT}, yet far more than a loopback echo needs under load.
     */
    public static final Duration FOREIGN_WAIT = Duration.ofSeconds(5);

    public TestProbeConfig() {
        this(Duration.ofMinutes(3), 1000, Optional.empty(), List.of("none"), 1.0, ANSWER_WAIT);
    }

    public TestProbeConfig(Duration nonceTtl, int nonceCapacity) {
        this(nonceTtl, nonceCapacity, Optional.empty(), List.of("none"), 1.0, ANSWER_WAIT);
    }

    /** The same with canary alternates (host:port). */
    public TestProbeConfig alternates(List<String> addresses) {
        return new TestProbeConfig(nonceTtl, nonceCapacity, Optional.of(addresses), userTargets, negativeControlRate, ioTimeout);
    }

    /** The same with this share of checks running a negative control. */
    public TestProbeConfig controlRate(double rate) {
        return new TestProbeConfig(nonceTtl, nonceCapacity, canaryAlternates, userTargets, rate, ioTimeout);
    }

    /** The same with this read timeout (a test expecting silence: {@link #SILENCE_WAIT}). */
    public TestProbeConfig ioTimeout(Duration timeout) {
        return new TestProbeConfig(nonceTtl, nonceCapacity, canaryAlternates, userTargets, negativeControlRate, timeout);
    }

    @Override
    public String canaryBindHost() {
        return "127.0.0.1";
    }

    @Override
    public int canaryBindPort() {
        return 0;
    }

    @Override
    public String canaryPublicHost() {
        return "127.0.0.1";
    }

    @Override
    public Optional<Integer> canaryPublicPort() {
        return Optional.empty();
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }
}
