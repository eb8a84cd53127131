package org.proxyfund.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles epochs: once per epoch (unique epoch key, replica-wide advisory lock), in epoch order, each in its own
 * transaction with its ledger entry. The payout side calls {@link #settleDue(Instant)} and reads {@link #latest()}.
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

    /**
     * Settles every finished, unsettled epoch after the latest settled one, oldest first (each epoch's carried
     * remainder feeds the next); if none was ever settled, only the last finished epoch. Returns the settlements it
     * created or found, in epoch order; the last is always the last finished epoch's.
     */
    public List<Settlement> settleDue(Instant now) {
        EpochCalendar calendar = calendar();
        Epoch lastFinished = calendar.previous(calendar.epochContaining(now));
        Epoch next = repo.latest()
                .map(s -> calendar.next(calendar.epochContaining(s.epochStart().toInstant())))
                .filter(e -> !e.start().isAfter(lastFinished.start()))
                .orElse(lastFinished);
        List<Settlement> out = new ArrayList<>();
        for (Epoch e = next; !e.start().isAfter(lastFinished.start()); e = calendar.next(e)) {
            SettleResult r = settle(e, now);
            if (r.settlement() == null) {
                throw new IllegalStateException("settling due epoch " + e.key() + " was refused: " + r.message());
            }
            out.add(r.settlement());
        }
        return out;
    }

    /** The most recent settlement, if any. */
    public Optional<Settlement> latest() {
        return repo.latest();
    }
}
