package org.proxyfund.vantage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict on one endpoint in one region, with the counts it rests on.
 *
 * @param networksDown networks (distinct network labels of the region's agents) whose latest results say DOWN
 * @param networksSeen networks with a fresh UP or DOWN result
 * @param quorum       networks needed for a DOWN or BLOCKED verdict
 * @param interference the most frequent kind of failure among the DOWN networks; null when none is down
 * @param downSince    when the region's agents first saw it down after their latest UP; null when not down
 */
public record RegionStatus(String region, RegionVerdict verdict, int networksDown, int networksSeen, int quorum,
                           Interference interference, Instant downSince) {

    /** One agent's latest fresh result for the endpoint. */
    public record AgentView(String networkLabel, boolean up, Interference interference) {
    }

    /**
     * The verdict from each agent's latest result: a network is up when any of its agents sees the endpoint up, down
     * when all of them see it down. {@code outsideUp}: the central monitor outside finds it UP now.
     */
    public static RegionStatus decide(String region, List<AgentView> agents, int quorum, boolean outsideUp, Instant downSince) {
        Map<String, Boolean> networkUp = new TreeMap<>();
        Map<Interference, Integer> kinds = new TreeMap<>();
        for (AgentView a : agents) networkUp.merge(a.networkLabel(), a.up(), Boolean::logicalOr);
        for (AgentView a : agents) {
            if (!a.up() && !networkUp.get(a.networkLabel())) kinds.merge(a.interference(), 1, Integer::sum);
        }
        int seen = networkUp.size();
        int down = (int) networkUp.values().stream().filter(up -> !up).count();
        RegionVerdict verdict;
        if (seen == 0) verdict = RegionVerdict.UNKNOWN;
        else if (down == 0) verdict = RegionVerdict.UP;
        else if (down < seen) verdict = RegionVerdict.PARTIAL;
        else if (down < quorum) verdict = RegionVerdict.UNKNOWN;
        else verdict = outsideUp ? RegionVerdict.BLOCKED : RegionVerdict.DOWN;
        Interference kind = kinds.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new RegionStatus(region, verdict, down, seen, quorum, down == 0 ? null : kind, down == 0 ? null : downSince);
    }

    private static final java.time.format.DateTimeFormatter MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** When it went down, as people read it (UTC to the minute); empty when not down. */
    public String downSinceText() {
        return downSince == null ? "" : MINUTES.format(downSince);
    }

    /** Networks that see it up. */
    public int networksUp() {
        return networksSeen - networksDown;
    }
}
