package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles epochs: once per epoch (unique epoch key, replica-wide advisory lock), in epoch order and never over time
 * already settled, each in its own transaction with its ledger entry. The payout side calls
 * {@link #settleDue(Instant)} and reads {@link #latest()}.
 */
@ApplicationScoped
public class SettlementService {

    @Inject
    EpochSettler settler;

    @Inject
    SettlementRepository repo;

    @Inject
    SettlementConfig config;

    /** The configured epoch calendar. */
    public EpochCalendar calendar() {
        return EpochCalendar.from(config);
    }

    /** Settles one ended epoch, or returns its existing settlement; refuses an epoch not ended or out of order. */
    public SettleResult settle(Epoch epoch) {
        return settle(epoch, Instant.now());
    }

    /** As {@link #settle(Epoch)}, with the current time given (the epoch must have ended by {@code now}). */
    public SettleResult settle(Epoch epoch, Instant now) {
        return settler.settle(epoch, now);
    }

    /** {@link #settleDue(Instant, EpochCalendar)} on the configured calendar. */
    public List<Settlement> settleDue(Instant now) {
        return settleDue(now, calendar());
    }

    /**
     * Settles every finished, unsettled period after the latest settlement, oldest first (each period's carried
     * remainder feeds the next); if none was ever settled, only the last finished epoch. The first period starts
     * exactly where the latest settlement ended, whatever {@code calendar}'s grid: after a change of epoch length or
     * anchor it is a transition period up to the calendar's next boundary ({@link EpochCalendar#periodStartingAt}),
     * so no moment is settled twice or skipped. Returns the settlements it created, in order; when nothing was due,
     * the latest settlement (so the last element always is the latest settlement).
     */
    public List<Settlement> settleDue(Instant now, EpochCalendar calendar) {
        Optional<Settlement> latest = repo.latest();
        Epoch next = latest.map(s -> calendar.periodStartingAt(s.epochEnd().toInstant()))
                .orElseGet(() -> calendar.previous(calendar.epochContaining(now)));
        List<Settlement> out = new ArrayList<>();
        for (Epoch e = next; !e.end().isAfter(now); e = calendar.periodStartingAt(e.end())) {
            SettleResult r = settle(e, now);
            if (r.settlement() == null) {
                throw new IllegalStateException("settling due period " + e.key() + " was refused: " + r.message());
            }
            out.add(r.settlement());
        }
        if (out.isEmpty()) {
            latest.ifPresent(out::add);
        }
        return out;
    }

    /** Where settlement stands against {@code calendar} at {@code now}: the latest settlement and what comes next. */
    public CalendarStatus calendarStatus(Instant now, EpochCalendar calendar) {
        Optional<Settlement> latest = repo.latest();
        Epoch next = latest.map(s -> calendar.periodStartingAt(s.epochEnd().toInstant()))
                .orElseGet(() -> calendar.previous(calendar.epochContaining(now)));
        return new CalendarStatus(calendar.length(), calendar.anchor(), latest.map(Settlement::epochKey).orElse(null),
                latest.map(s -> s.epochEnd().toInstant()).orElse(null), next.key(), next.start(), next.end(),
                !calendar.isEpoch(next));
    }

    /** The most recent settlement, if any. */
    public Optional<Settlement> latest() {
        return repo.latest();
    }
}
