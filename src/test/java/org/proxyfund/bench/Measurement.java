package org.proxyfund.bench;

/**
 * One measured line of the benchmark.
 *
 * @param system       what was measured
 * @param endpoints    how many loopback endpoints it checked
 * @param checks       checks completed in the window
 * @param failures     checks that did not succeed (should be 0 on loopback)
 * @param seconds      wall-clock length of the window
 * @param cpuSeconds   CPU seconds the measured processes used in the window
 * @param p99Micros    99th percentile of one check's duration
 * @param peakRssBytes largest resident memory of the measured processes seen in the window
 */
record Measurement(String system, int endpoints, long checks, long failures, double seconds, double cpuSeconds,
                   long p99Micros, long peakRssBytes) {

    double checksPerSecond() {
        return checks / seconds;
    }

    double coresUsed() {
        return cpuSeconds / seconds;
    }

    double checksPerCoreSecond() {
        return cpuSeconds == 0 ? 0 : checks / cpuSeconds;
    }
}
