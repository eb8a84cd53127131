package org.proxyfund.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.alert.AlertQueries;
import org.proxyfund.endpoint.EndpointQueries;
import org.proxyfund.maintenance.MaintenanceQueries;
import org.proxyfund.maintenance.MaintenanceWindow;
import org.proxyfund.payout.OperatorPayout;
import org.proxyfund.payout.PayoutQueries;
import org.proxyfund.probe.history.CurrentCheck;
import org.proxyfund.probe.history.HealthMessages;
import org.proxyfund.probe.history.UptimeService;
import org.proxyfund.settlement.OperatorEpoch;
import org.proxyfund.settlement.SettlementQueries;
import org.proxyfund.web.Bundles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entries of one operator's feed, read through their owners: endpoints down or without results now (probe), their
 * maintenance windows (maintenance), settled epochs (settlement), payouts (payout) and the alerts about endpoints and
 * webhooks (alert, unless the operator turned the feed channel off), newest first, at most 100.
 */
@ApplicationScoped
public class FeedService {

    static final int MOST = 100;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String TAG = "tag:proxyfund.org,2026:";

    @Inject
    EndpointQueries endpoints;
    @Inject
    UptimeService uptime;
    @Inject
    MaintenanceQueries maintenance;
    @Inject
    SettlementQueries settlements;
    @Inject
    PayoutQueries payouts;
    @Inject
    AlertQueries alerts;

    List<FeedEntry> entries(long accountId, Locale locale, String site) {
        FeedMessages m = Bundles.of(FeedMessages.class, locale);
        HealthMessages h = Bundles.of(HealthMessages.class, locale);
        List<Long> ids = endpoints.idsOf(accountId);
        Map<Long, String> labels = endpoints.labels(ids);
        List<FeedEntry> out = new ArrayList<>();
        uptime.currentForAccount(accountId).forEach((id, c) -> {
            String label = name(labels, id);
            String link = site + "/endpoints/" + id;
            if ("DOWN".equals(c.state()) && c.downSince() != null) {
                out.add(new FeedEntry(TAG + "down:" + id + ":" + c.downSince().toEpochSecond(), m.down(label),
                        m.down_text(CurrentCheck.utc(c.downSince()), c.reason() == null ? "" : h.reason(c.reason())),
                        c.downSince().toInstant(), link));
            } else if (c.stale()) {
                out.add(new FeedEntry(TAG + "stale:" + id + ":" + c.lastCheckedAt().toEpochSecond(), m.stale(label),
                        m.stale_text(c.lastCheckedText()), c.lastCheckedAt().toInstant(), link));
            }
        });
        for (MaintenanceWindow w : maintenance.windowsOf(ids, Instant.now())) {
            boolean cancelled = w.cancelledAt() != null;
            out.add(new FeedEntry(TAG + "maintenance:" + w.id() + (cancelled ? ":cancelled" : ""),
                    m.maintenance(name(labels, w.endpointId()), w.state()), m.maintenance_text(UTC.format(w.startsAt()), UTC.format(w.endsAt())),
                    cancelled ? w.cancelledAt() : w.declaredAt(), site + "/endpoints/" + w.endpointId() + "/maintenance"));
        }
        for (OperatorEpoch e : settlements.earnings(accountId, 20)) {
            out.add(new FeedEntry(TAG + "settled:" + accountId + ":" + e.epochKey(), m.settled(e.epochKey(), e.amountSats()),
                    m.settled_text(UTC.format(e.start().toInstant()), UTC.format(e.end().toInstant())), e.end().toInstant(),
                    site + "/account/earnings"));
        }
        for (OperatorPayout p : payouts.forOperator(accountId, 20)) {
            out.add(new FeedEntry(TAG + "payout:" + p.batchId() + ":" + accountId + ":" + p.state(), m.payout(p.state().name(), p.amountSats()),
                    m.payout_text(p.address(), p.txid()), p.updatedAt(), site + "/account/earnings"));
        }
        for (AlertQueries.Shown a : alerts.forFeed(accountId, locale, 50)) {
            if (a.type().startsWith("endpoint.") || a.type().startsWith("webhook.")) {  // payouts are above, as they stand
                out.add(new FeedEntry(TAG + "alert:" + a.id(), a.subject(), a.body(), a.at(), site + "/account/alerts"));
            }
        }
        out.sort(Comparator.comparing(FeedEntry::updated).reversed());
        return out.size() > MOST ? List.copyOf(out.subList(0, MOST)) : out;
    }

    private static String name(Map<Long, String> labels, long id) {
        String l = labels.get(id);
        return l == null || l.isBlank() ? "#" + id : l;
    }
}
