package org.proxyfund.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CPU time and resident memory of processes, read from Linux's /proc (clock ticks of 1/100 s). */
final class ProcStats {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** User + system CPU seconds a process has used so far; 0 when it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds of a process and all its current descendants (e.g. a postmaster and its backends). */
    static double treeCpuSeconds(long pid) {
        return pids(pid).stream().mapToDouble(ProcStats::cpuSeconds).sum();
    }

    /** Resident set size in bytes; 0 when the process is gone. */
    static long rssBytes(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Resident bytes of a process tree. */
    static long treeRssBytes(long pid) {
        return pids(pid).stream().mapToLong(ProcStats::rssBytes).sum();
    }

    private static Set<Long> pids(long pid) {
        return ProcessHandle.of(pid).map(p -> Stream.concat(Stream.of(p), p.descendants())
                .map(ProcessHandle::pid).collect(Collectors.toSet())).orElse(Set.of());
    }

    /** Number of CPUs the machine offers. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The p-th percentile (0..100) of the values, nearest rank; 0 for none. */
    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) return 0;
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
