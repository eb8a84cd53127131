package org.proxyfund.probe.canary;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.db.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The sightings of agents' nonces at the canary, in PostgreSQL (canary_sighting), so the replica that judges an
 * agent's result sees what any replica's canary saw. The canary writes before it answers, so a sighting is stored
 * before the agent can report the answer. Public for vantage/, which asks where a lease's nonces came from.
 */
@ApplicationScoped
public class CanarySightings implements SightingLog {

    /** How long sightings are kept: far longer than any lease. */
    static final Duration KEEP = Duration.ofDays(1);

    private static final java.util.regex.Pattern NONCE_HEX = java.util.regex.Pattern.compile("[0-9a-f]{80}");

    @Inject
    Sql sql;

    @Override
    public void record(byte[] nonce, String source) {
        sql.update("INSERT INTO canary_sighting (nonce, source, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                nonce, source, Instant.now());
    }

    /** For each nonce (hex) that reached a canary, the addresses it came from. */
    public Map<String, List<String>> sources(Collection<String> noncesHex) {
        Map<String, List<String>> out = new HashMap<>();
        if (noncesHex.isEmpty()) return out;
        for (String n : noncesHex) {
            if (!NONCE_HEX.matcher(n).matches()) throw new IllegalArgumentException("not a nonce: " + n);
        }
        sql.query("SELECT nonce, source FROM canary_sighting WHERE nonce IN (SELECT decode(x, 'hex') FROM unnest(?::text[]) x)",
                rs -> new String[]{HexFormat.of().formatHex(rs.getBytes(1)), rs.getString(2)}, "{" + String.join(",", noncesHex) + "}")
                .forEach(r -> out.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        return out;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        sql.update("DELETE FROM canary_sighting WHERE seen_at < ?", Instant.now().minus(KEEP));
    }
}
