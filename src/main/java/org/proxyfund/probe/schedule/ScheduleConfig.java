package org.proxyfund.probe.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Health-check scheduling, results retention and rollups (proxyfund.probe.schedule.*). */
@ConfigMapping(prefix = "proxyfund.probe.schedule")
public interface ScheduleConfig {

    /** Whether this replica runs checks and the rollup/retention jobs (tests turn it off and drive rounds directly). */
    @WithDefault("true")
    boolean enabled();

    /** How often every approved endpoint is checked. */
    @WithDefault("60s")
    Duration interval();

    /** Each next check moves by a random amount within plus or minus this fraction of the interval (0 to 0.5). */
    @WithDefault("0.1")
    double jitter();

    /** Wait before the retry of a check that found the endpoint DOWN. */
    @WithDefault("5s")
    Duration retryDelay();

    /** Retries of a DOWN before DOWN is recorded (0: the first DOWN counts). */
    @WithDefault("1")
    int retries();

    /** Most checks running at once on this replica (each on its own virtual thread). */
    @WithDefault("500")
    int maxConcurrent();

    /** How long a leased endpoint stays reserved for this replica; must exceed a check's worst case incl. retry. */
    @WithDefault("2m")
    Duration leaseDuration();

    /**
     * One overall deadline for each check attempt (connect, handshake and relay together): an endpoint that answers
     * a byte at a time, each inside the read timeout, is DOWN (TIMEOUT) when it passes. Attempts are also cut short
     * so that a check never outlives its lease.
     */
    @WithDefault("20s")
    Duration checkDeadline();

    /**
     * On shutdown: how long checks in flight may still finish (and be recorded); the rest are cut off and their
     * leases released so another replica takes them at once. Keep it well below the pod's termination grace period.
     */
    @WithDefault("10s")
    Duration stopGrace();

    /** Most endpoints leased in one transaction. */
    @WithDefault("200")
    int batchSize();

    /** How often this replica looks for due endpoints. */
    @WithDefault("1s")
    Duration tickPeriod();

    /** How often the monitor checks itself (canary round trip, reference endpoints) and writes a monitor_round. */
    @WithDefault("10s")
    Duration selfCheckPeriod();

    /** This replica's name in leases and results; unset: $HOSTNAME, else the host name, plus a random suffix. */
    Optional<String> monitorId();

    /** Known-good TCP targets (host:port); when set, at least one must accept a connection or the monitor is impaired. */
    Optional<List<String>> referenceEndpoints();

    /** How long raw check results (and monitor rounds) are kept. */
    @WithDefault("48h")
    Duration rawRetention();

    /** How long hourly rollups are kept. */
    @WithDefault("365d")
    Duration rollupRetention();

    /** How often the hours touched recently are rolled up again and expired rows deleted. */
    @WithDefault("60s")
    Duration rollupPeriod();
}
