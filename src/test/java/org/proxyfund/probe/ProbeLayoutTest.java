package org.proxyfund.probe;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout of {@code probe/} that docs/checkers.md ("Where the code is") describes: the root holds the checker
 * contract only, every class of a protocol sits in that protocol's folder, and the folders point one way. A folder
 * mentions (imports or names in full) only folders on lower floors ({@link #FLOORS}, lowest first), never one on its
 * own floor, so no protocol folder reaches into another and the root reaches into none. A new folder must be given a
 * floor here.
 */
@PlainLane
class ProbeLayoutTest {

    private static final Path PROBE = Path.of("src/main/java/org/proxyfund/probe");
    private static final Pattern MENTION = Pattern.compile("\\borg\\.proxyfund\\.probe\\.([a-z][a-z0-9]*)\\.");

    /** What the schedulers, pages and other packages call: the contract of a check and its result. */
    static final Set<String> CONTRACT = Set.of("Checker", "CheckTarget", "CheckResult", "CheckStatus", "DownReason",
            "Detail", "DetailMessages", "DetailTexts", "DetailJson", "ProbeConfig");

    /**
     * Lowest first. wire (sockets, bytes, framing) and canary stand on the contract alone; the protocols whose checks
     * relay nothing of ours, and mtproto, whose key-exchange proof the relay borrows; relay (what the relaying checkers
     * share); the relaying checkers; the scheduler that runs any checker; the results it records and the operator's
     * "Check now", which reuse its lease and deadline.
     */
    static final List<Set<String>> FLOORS = List.of(
            Set.of("wire", "canary"),
            Set.of("mtproto", "wireguard", "openvpn", "tcp"),
            Set.of("relay"),
            Set.of("socks5", "httpconnect", "shadowsocks"),
            Set.of("schedule"),
            Set.of("history", "trial"));

    @Test
    void shouldKeepOnlyTheCheckerContractAtTheRoot() throws IOException {
        try (Stream<Path> files = Files.list(PROBE)) {
            Set<String> root = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(CONTRACT), root, "a protocol's classes go in its folder, shared helpers in wire/ or relay/");
        }
    }

    @Test
    void shouldGiveEveryFolderAFloor() throws IOException {
        Set<String> floored = FLOORS.stream().flatMap(Set::stream).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(PROBE)) {
            List<String> missing = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(d -> !floored.contains(d)).sorted().toList();
            assertTrue(missing.isEmpty(), "folders without a floor in ProbeLayoutTest.FLOORS: " + missing);
        }
    }

    @Test
    void shouldPointTheFoldersOneWay() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROBE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = PROBE.relativize(f);
                int from = rel.getNameCount() == 1 ? -1 : floor(rel.getName(0).toString());
                Matcher m = MENTION.matcher(read(f));
                while (m.find()) {
                    String to = m.group(1);
                    if (rel.getNameCount() > 1 && to.equals(rel.getName(0).toString())) continue;
                    if (floor(to) >= from) wrong.add(rel + " -> " + to);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "arrows sideways or up (the root is below every folder): " + wrong);
    }

    private static int floor(String folder) {
        for (int i = 0; i < FLOORS.size(); i++) {
            if (FLOORS.get(i).contains(folder)) return i;
        }
        return Integer.MAX_VALUE;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
