package org.proxyfund.architecture;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each table has one owning package: only classes in it (or below it) write SQL or JPQL that names the table; every
 * other feature calls a typed method of the owner. The tables come from {@code db/migration} and each must be assigned
 * here, so a new table needs an owner before it can be used. The SQL is found in the string literals of
 * {@code src/main} (adjacent literals joined by {@code +} read as one) that read as SQL or JPQL (a SELECT, WHERE,
 * SET, … in them), after FROM, JOIN, INTO, UPDATE, TABLE, COPY or TRUNCATE; an entity's class name in JPQL counts as
 * its table.
 */
@PlainLane
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("db/migration");
    private static final Path MAIN = Path.of("src/main/java/org/proxyfund");
    private static final Pattern CREATE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern DROP = Pattern.compile("(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update|table|copy|truncate)\\s+([a-z_][a-z0-9_]*)");
    /** A literal is read as SQL (or JPQL) only when it has one of these words: prose naming a table is not SQL. */
    private static final Pattern SQL = Pattern.compile("(?i)\\b(select|insert|update|delete|copy|truncate|where|join|set)\\b");
    private static final Pattern ENTITY = Pattern.compile("@Table\\(name\\s*=\\s*\"([a-z_0-9]+)\"\\)[\\s\\S]*?\\bclass\\s+(\\w+)");

    /** Table to owning package (relative to org.proxyfund; sub-packages belong to their parent). */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("app_setting", "common.setting"),
            entry("account", "operator"),
            entry("webhook_subscription", "webhook"),
            entry("webhook_event", "webhook"),
            entry("webhook_delivery", "webhook"),
            entry("webhook_attempt", "webhook"),
            entry("audit_log", "common.identity"),
            entry("web_session", "operator"),
            entry("api_token", "operator"),
            entry("rate_limit_window", "operator"),
            entry("login_throttle", "operator"),
            entry("login_known_client", "operator"),
            entry("payout_address", "operator"),
            entry("endpoint", "endpoint"),
            entry("endpoint_address_version", "endpoint"),
            entry("endpoint_ownership", "endpoint"),
            entry("wallet_address", "wallet"),
            entry("donation", "donation"),
            entry("donation_payment", "donation"),
            entry("ledger_entry", "ledger"),
            entry("ledger_line", "ledger"),
            entry("check_schedule", "probe"),
            entry("check_result", "probe"),
            entry("monitor_round", "probe"),
            entry("check_rollup_hourly", "probe"),
            entry("check_rollup_daily", "probe"),
            entry("endpoint_trial_check", "probe"),
            entry("canary_sighting", "probe"),
            entry("agent", "vantage"),
            entry("agent_enrollment_token", "vantage"),
            entry("agent_request_nonce", "vantage"),
            entry("agent_schedule", "vantage"),
            entry("agent_lease", "vantage"),
            entry("agent_result", "vantage"),
            entry("control_endpoint", "vantage"),
            entry("agent_impairment", "vantage"),
            entry("settlement", "settlement"),
            entry("settlement_endpoint", "settlement"),
            entry("settlement_share", "settlement"),
            entry("settlement_agent_uptime", "settlement"),
            entry("operator_hold", "settlement"),
            entry("status_badge", "status"),
            entry("maintenance_window", "maintenance"),
            entry("alert_email", "alert"),
            entry("alert_settings", "alert"),
            entry("mail_outbox", "alert"),
            entry("alert_incident", "alert"),
            entry("alert_cursor", "alert"),
            entry("alert_log", "alert"),
            entry("operator_feed", "feed"),
            entry("payout_batch", "payout"),
            entry("payout_line", "payout"),
            entry("payout_approval", "payout"),
            entry("payout_tx", "payout"),
            entry("payout_psbt", "payout"),
            entry("payout_event", "payout"),
            entry("treasury_sweep", "treasury"),
            entry("treasury_refill_address", "treasury"),
            entry("treasury_refill", "treasury"));

    /**
     * Crossings that exist today, as "file: table" (file relative to org.proxyfund): none. The mechanism stays so that
     * a crossing can only come back named here, with its reason, in the commit that adds it; an entry that no longer
     * crosses fails the test too.
     */
    static final Set<String> KNOWN_CROSSINGS = Set.of();

    @Test
    void shouldAssignEveryTableOfTheMigrationsToOneOwner() {
        assertEquals(new TreeSet<>(tables()), new TreeSet<>(OWNERS.keySet()),
                "every table created by db/migration has exactly one owner in TableOwnershipTest.OWNERS");
        OWNERS.values().forEach(p -> assertTrue(Files.isDirectory(MAIN.resolve(p.replace('.', '/'))), "owner package " + p + " exists"));
    }

    @Test
    void shouldKeepEveryEntityInThePackageThatOwnsItsTable() {
        entities().forEach((name, at) -> assertTrue(owns(OWNERS.get(at[0]), at[1]),
                "entity " + name + " maps table " + at[0] + " owned by " + OWNERS.get(at[0]) + " but lives in " + at[1]));
    }

    @Test
    void shouldNameATableInSqlOnlyInsideItsOwningPackage() {
        Set<String> crossings = crossings(MAIN);
        List<String> fresh = crossings.stream().filter(c -> !KNOWN_CROSSINGS.contains(c)).toList();
        List<String> gone = KNOWN_CROSSINGS.stream().filter(c -> !crossings.contains(c)).sorted().toList();
        assertTrue(fresh.isEmpty(), "SQL naming another package's table (call the owner's typed method instead):\n  "
                + String.join("\n  ", fresh));
        assertTrue(gone.isEmpty(), "no longer crossing, remove from KNOWN_CROSSINGS: " + gone);
    }

    @Test
    void shouldReportSqlAndJpqlThatNameAnotherPackagesTableButNotProseOrTheOwnersOwnSql(@TempDir Path root) throws IOException {
        Path payout = Files.createDirectories(root.resolve("payout"));
        Files.writeString(payout.resolve("Proposer.java"), """
                class Proposer {
                    // reads from account in a comment: not SQL
                    String a = "SELECT sum(amount_sats) FROM " +
                            "ledger_line WHERE account LIKE 'operator_payable:%'";
                    String b = \"""
                            SELECT 1 FROM payout_line l JOIN operator_hold h ON h.account_id = l.account_id\""";
                    String c = "from Account where handle = ?1";
                    String d = "payout from endpoint owners";
                }
                """);
        assertEquals(new TreeSet<>(List.of("payout/Proposer.java: ledger_line", "payout/Proposer.java: operator_hold",
                        "payout/Proposer.java: account")), crossings(root));
    }

    /** Every "file: table" where a string literal of a source under {@code main} names a table its package does not own. */
    static Set<String> crossings(Path main) {
        Map<String, String> names = new TreeMap<>();
        OWNERS.keySet().forEach(t -> names.put(t, t));
        entities().forEach((entity, at) -> names.put(entity.toLowerCase(), at[0]));
        Set<String> crossings = new TreeSet<>();
        JavaSources.under(main).forEach((rel, text) -> {
            String pkg = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')).replace('/', '.') : "";
            for (String literal : JavaStrings.literals(text)) {
                if (!SQL.matcher(literal).find()) {
                    continue;
                }
                Matcher m = NAMED.matcher(literal);
                while (m.find()) {
                    String table = names.get(m.group(1).toLowerCase());
                    if (table != null && !owns(OWNERS.get(table), pkg)) {
                        crossings.add(rel + ": " + table);
                    }
                }
            }
        });
        return crossings;
    }

    private static boolean owns(String owner, String pkg) {
        return pkg.equals(owner) || pkg.startsWith(owner + ".");
    }

    /** Tables created and not dropped by the migrations. */
    static Set<String> tables() {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> sorted = new ArrayList<>(files.filter(f -> f.toString().endsWith(".sql")).toList());
            sorted.sort((a, b) -> compareVersions(a.getFileName().toString(), b.getFileName().toString()));
            for (Path f : sorted) {
                String sql = read(f).replaceAll("--[^\n]*", "");
                Matcher c = CREATE.matcher(sql);
                while (c.find()) {
                    out.add(c.group(1).toLowerCase());
                }
                Matcher d = DROP.matcher(sql);
                while (d.find()) {
                    out.remove(d.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Flyway order of two migration file names (V12_5__x after V2__y). */
    static int compareVersions(String a, String b) {
        String[] x = a.substring(1, a.indexOf("__")).split("_");
        String[] y = b.substring(1, b.indexOf("__")).split("_");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(i < x.length ? Long.parseLong(x[i]) : 0, i < y.length ? Long.parseLong(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Entity class name to {table, package} for every {@code @Table} entity in src/main. */
    static Map<String, String[]> entities() {
        Map<String, String[]> out = new TreeMap<>();
        JavaSources.under(MAIN).forEach((rel, text) -> {
            Matcher m = ENTITY.matcher(text);
            if (m.find()) {
                String pkg = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')).replace('/', '.') : "";
                out.put(m.group(2), new String[] {m.group(1), pkg});
            }
        });
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
