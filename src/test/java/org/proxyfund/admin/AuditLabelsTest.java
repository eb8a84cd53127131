package org.proxyfund.admin;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every action code any feature writes to the audit log has a label, so the audit page never shows a raw code. */
@PlainLane
class AuditLabelsTest {

    private static final Set<String> SUBJECT_TYPES = Set.of("ACCOUNT", "ENDPOINT", "PAYOUT_ADDRESS", "WEBHOOK");

    @Test
    void shouldLabelEveryActionCodeWrittenToTheAuditLog() throws Exception {
        Pattern call = Pattern.compile("audit\\.record\\((.*?)\\);", Pattern.DOTALL);
        Pattern literal = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher l = literal.matcher(m.group(1));
                    while (l.find()) {
                        if (!SUBJECT_TYPES.contains(l.group(1))) {
                            codes.add(l.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(codes.containsAll(Set.of("SIGNED_UP", "RETIRED", "PAY_HOLD")), "found the codes: " + codes);
        assertEquals(List.of(), codes.stream().filter(c -> !AuditRow.labelled(c)).toList(), "codes without a label in AdminMessages");
        assertTrue(AuditRow.labelled("APPROVED->SUSPENDED"), "state changes are labelled by their two states");
        assertFalse(AuditRow.labelled("NO_SUCH_ACTION"));
    }
}
