package org.proxyfund.common.metrics;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric the dashboard, the alert rules and the runbook name is one the service defines: a renamed meter
 * must not leave a dashboard panel silently empty or an alert that can never fire.
 */
@PlainLane
class MetricNamesTest {

    private static final Pattern PROMETHEUS_NAME = Pattern.compile("proxyfund_[a-z0-9_]+");
    private static final Pattern METER_IN_CODE = Pattern.compile("\"(proxyfund[._][a-z0-9._]+)\"");
    private static final String[] SUFFIXES = {"_bucket", "_count", "_sum", "_total", "_max", "_seconds"};

    @Test
    void shouldFindEveryMetricNamedByTheDashboardAlertsAndRunbookAmongTheServicesMeters() throws IOException {
        Set<String> defined = new TreeSet<>();
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
            for (Path p : java.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = METER_IN_CODE.matcher(Files.readString(p));
                while (m.find()) {
                    defined.add(m.group(1).replace('.', '_'));
                }
            }
        }
        Set<String> unknown = new TreeSet<>();
        int named = 0;
        for (Path p : referencing()) {
            Matcher m = PROMETHEUS_NAME.matcher(Files.readString(p));
            while (m.find()) {
                named++;
                if (!known(m.group(), defined)) {
                    unknown.add(m.group() + " (" + p + ")");
                }
            }
        }
        assertTrue(named >= 20, "the dashboard and runbook name the service's metrics: " + named);
        assertEquals(Set.of(), unknown, "metrics named but not defined by the service");
    }

    @Test
    void shouldRecogniseAMetricTheServiceDoesNotDefine() {
        Set<String> defined = Set.of("proxyfund_checks", "proxyfund_check_duration");
        assertTrue(known("proxyfund_checks_total", defined));
        assertTrue(known("proxyfund_check_duration_seconds_bucket", defined));
        assertTrue(!known("proxyfund_chekcs_total", defined), "a misspelt name is caught");
    }

    private static boolean known(String name, Set<String> defined) {
        String n = name;
        while (!defined.contains(n)) {
            String before = n;
            for (String s : SUFFIXES) {
                if (n.endsWith(s)) {
                    n = n.substring(0, n.length() - s.length());
                    break;
                }
            }
            if (n.equals(before)) {
                return false;
            }
        }
        return true;
    }

    private static Set<Path> referencing() throws IOException {
        Set<Path> files = new TreeSet<>();
        files.add(Path.of("docs/operations.md"));
        for (String root : new String[] {"docs/grafana", "k8s"}) {
            if (Files.isDirectory(Path.of(root))) {
                try (Stream<Path> s = Files.walk(Path.of(root))) {
                    s.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml")).forEach(files::add);
                }
            }
        }
        return files;
    }
}
