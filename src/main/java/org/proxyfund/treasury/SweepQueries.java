package org.proxyfund.treasury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** What other features read of the sweeps (the ledger check, transparency); read-only. */
@ApplicationScoped
public class SweepQueries {

    @Inject
    SweepRepository repository;

    /** Sweeps in flight (SIGNED or BROADCAST), oldest first: not yet booked, though the wallet may count them spent. */
    public List<Sweep> inFlight() {
        return repository.inStates(List.of(SweepState.SIGNED, SweepState.BROADCAST), 1_000).stream().map(SweepRow::sweep).toList();
    }

    /** Every sweep, newest first, at most {@code limit}, with the cold address it pays. */
    public List<SweepRow> newest(int limit) {
        return repository.newest(limit);
    }
}
