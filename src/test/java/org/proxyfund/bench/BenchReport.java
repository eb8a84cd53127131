package org.proxyfund.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects measurements and writes them as a Markdown table, with ratios against the baseline of the same run. */
final class BenchReport {

    private final List<Measurement> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Measurement m) {
        rows.add(m);
        System.out.println("[benchmark] " + line(m, null));
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[benchmark] " + text);
    }

    /** Checks per core-second of a system divided by the baseline's at the same N. */
    static double ratio(Measurement ours, Measurement baseline) {
        return baseline.checksPerCoreSecond() == 0 ? 0 : ours.checksPerCoreSecond() / baseline.checksPerCoreSecond();
    }

    String markdown(String baselineSystem) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0)).append(", ")
                .append(ProcStats.cores()).append(" cores, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(Runtime.version()).append("\n\n");
        out.append("| N | system | checks | failed | checks/s | cores used | checks/s per core | ratio to baseline | p99 check | peak RSS |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : rows) {
            Measurement baseline = rows.stream().filter(b -> b.system().equals(baselineSystem) && b.endpoints() == m.endpoints())
                    .findFirst().orElse(null);
            out.append(line(m, baseline)).append('\n');
        }
        out.append('\n');
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        return out.toString();
    }

    void write(Path file, String baselineSystem) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(baselineSystem));
        System.out.println("[benchmark] report written to " + file.toAbsolutePath());
    }

    private static String line(Measurement m, Measurement baseline) {
        return String.format(Locale.ROOT, "| %,d | %s | %,d | %,d | %,.0f | %.2f | %,.0f | %s | %.1f ms | %,d MiB |",
                m.endpoints(), m.system(), m.checks(), m.failures(), m.checksPerSecond(), m.coresUsed(),
                m.checksPerCoreSecond(), baseline == null ? "" : String.format(Locale.ROOT, "%.2f", ratio(m, baseline)),
                m.p99Micros() / 1000.0, m.peakRssBytes() / (1024 * 1024));
    }
}
