package org.proxyfund.architecture;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feature packages of {@code src/main} point one way. A feature package's arrow to another is any mention of the
 * other's classes (an import or a fully qualified name). Each package stands on a floor ({@link #FLOORS}, lowest
 * first) and may only point to packages on lower floors: never up, never sideways, so no two packages reach each other
 * and each can be read and tested with only what lies below it. A new package must be given a floor here.
 */
@PlainLane
class PackageGraphTest {

    private static final Path MAIN = Path.of("src/main/java/org/proxyfund");
    private static final Pattern MENTION = Pattern.compile("\\borg\\.proxyfund\\.([a-z][a-z0-9]*)\\.");

    /**
     * The floors of the house, lowest first. common: plumbing every feature may use (identity, problems, paging, db);
     * wallet (the one place bitcoinj lives) and web (page plumbing); operator: accounts, sessions, payout addresses;
     * endpoint (what operators run) and ledger (double-entry books); probe (health checks of endpoints), donation
     * (money in, booked in the ledger), treasury (the hot float's sweeps to cold storage, booked in the ledger) and webhook (operator events delivered behind endpoint's SSRF guard); vantage (probe agents inside censored networks, which use probe's checkers and
     * canary) and maintenance (declared maintenance windows, which read probe's rollups); settlement (uptime into owed sats), alert (debounced alerts by e-mail, webhook events and feed, from probe results, maintenance and operator events) and agent (the probe agent program, on probe's checkers and vantage's signed requests); payout (owed sats into transactions);
     * audit (the ledger check and transparency, which read every money feature) and dashboard (the operator's own
     * pages, which show every feature that concerns them) and status (the public network status and badges, which read
     * probe, endpoint and payout) and feed (the operator's private Atom feed, which reads probe, maintenance, settlement
     * and payout); admin; trial (the dev profile's trial mode and console) on top.
     */
    static final List<Set<String>> FLOORS = List.of(
            Set.of("common"),
            Set.of("wallet", "web"),
            Set.of("operator"),
            Set.of("endpoint", "ledger"),
            Set.of("probe", "donation", "webhook", "treasury"),
            Set.of("vantage", "maintenance"),
            Set.of("settlement", "agent", "alert"),
            Set.of("payout"),
            Set.of("audit", "dashboard", "status", "feed"),
            Set.of("admin"),
            Set.of("trial"));

    /** Arrows between top-level feature packages, from each package to those it mentions. */
    static Map<String, Set<String>> arrows() {
        Map<String, Set<String>> out = new TreeMap<>();
        JavaSources.under(MAIN).forEach((rel, text) -> {
            if (!rel.contains("/")) {
                return;
            }
            String from = rel.substring(0, rel.indexOf('/'));
            Set<String> to = out.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = MENTION.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals(from)) {
                    to.add(m.group(1));
                }
            }
        });
        return out;
    }

    /** Strongly connected groups of more than one package (Tarjan), each as its sorted members. */
    static Set<String> circles(Map<String, Set<String>> graph) {
        Tarjan t = new Tarjan(graph);
        graph.keySet().forEach(v -> {
            if (!t.index.containsKey(v)) {
                t.visit(v);
            }
        });
        return t.found;
    }

    private static final class Tarjan {
        final Map<String, Set<String>> graph;
        final Map<String, Integer> index = new TreeMap<>();
        final Map<String, Integer> low = new TreeMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new TreeSet<>();
        final Set<String> found = new TreeSet<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> group = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    group.add(w);
                } while (!w.equals(v));
                if (group.size() > 1) {
                    found.add(group.toString());
                }
            }
        }
    }

    /** Arrows that run up or sideways, as "from -> to", for the floors given. */
    static Set<String> upward(Map<String, Set<String>> graph, List<Set<String>> floors) {
        Map<String, Integer> floorOf = new TreeMap<>();
        for (int i = 0; i < floors.size(); i++) {
            for (String p : floors.get(i)) {
                floorOf.put(p, i);
            }
        }
        Set<String> out = new TreeSet<>();
        graph.forEach((from, tos) -> tos.forEach(to -> {
            Integer f = floorOf.get(from);
            Integer t = floorOf.get(to);
            if (f == null || t == null || t >= f) {
                out.add(from + " -> " + to);
            }
        }));
        return out;
    }

    @Test
    void shouldFindNoPackageCircle() {
        Map<String, Set<String>> graph = arrows();
        assertTrue(graph.keySet().containsAll(Set.of("common", "wallet", "payout", "probe", "operator")), graph.keySet().toString());
        assertEquals(Set.of(), circles(graph), "package circles in src/main (each is a seam to mend): " + graph);
    }

    @Test
    void shouldGiveEveryPackageAFloorAndFindNoArrowRunningUpOrSideways() {
        Map<String, Set<String>> graph = arrows();
        Set<String> placed = new TreeSet<>();
        FLOORS.forEach(placed::addAll);
        assertEquals(new TreeSet<>(graph.keySet()), placed, "every top-level package of src/main stands on one floor of FLOORS");
        assertEquals(Set.of(), upward(graph, FLOORS), "arrows from a lower package to a higher one or its neighbour: " + graph);
    }

    @Test
    void shouldTellAnArrowUpOrSidewaysFromOneDown() {
        List<Set<String>> floors = List.of(Set.of("a"), Set.of("b", "c"), Set.of("d"));
        assertEquals(Set.of(), upward(Map.of("d", Set.of("b", "a"), "b", Set.of("a")), floors));
        assertEquals(Set.of("a -> b", "b -> c", "x -> a"),
                upward(Map.of("a", Set.of("b"), "b", Set.of("c"), "x", Set.of("a")), floors));
    }

    @Test
    void shouldTellACircleFromAOneWayChain() {
        assertEquals(Set.of(), circles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of())));
        assertEquals(Set.of("[a, b, c]"), circles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))));
        assertEquals(Set.of("[a, b]", "[c, d]"),
                circles(Map.of("a", Set.of("b", "c"), "b", Set.of("a"), "c", Set.of("d"), "d", Set.of("c"))));
    }

    @Test
    void shouldKeepCommonFreeOfEveryFeature() {
        assertEquals(Set.of(), arrows().getOrDefault("common", Set.of()), "common/ is below every feature and mentions none");
        assertEquals(Set.of("common"), arrows().getOrDefault("web", Set.of()), "web/ (page plumbing) uses only common/");
    }
}
