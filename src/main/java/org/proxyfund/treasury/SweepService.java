package org.proxyfund.treasury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proxyfund.ledger.LedgerService;

import java.time.Instant;
import java.util.Optional;

/**
 * The one writer of treasury_sweep: records a signed sweep, and applies {@link SweepMachine}'s commands to a locked
 * row, storing the result with its booking in one transaction. A sweep is booked in the ledger exactly while it is
 * CONFIRMED: hot → cold at confirmation, reversed when a reorg takes its block away.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);

    @Inject
    SweepRepository repository;
    @Inject
    LedgerService ledger;

    /**
     * Stores a signed sweep (SIGNED), before anything sends it; empty (nothing stored) while another sweep is in flight
     * or when {@code coldIndex} is no longer the next unused one: one sweep at a time, each cold address once.
     */
    @Transactional
    public Optional<Long> record(String txid, byte[] raw, int coldIndex, String coldAddress, long sweptSats, long feeSats) {
        Sweep.signed(1, txid, sweptSats, feeSats); // the same checks the rows will meet
        if (repository.anyInFlight() || repository.nextColdIndex() != coldIndex) {
            return Optional.empty();
        }
        return Optional.of(repository.insert(txid, raw, coldIndex, coldAddress, sweptSats, feeSats));
    }

    /** Applies one command to the sweep's locked row; a refusal changes nothing and is logged. */
    @Transactional
    public SweepMachine.Result apply(long sweepId, SweepCommand command) {
        SweepRow row = repository.lock(sweepId).orElseThrow(() -> new IllegalArgumentException("no sweep " + sweepId));
        SweepMachine.Result result = SweepMachine.apply(row.sweep(), command);
        switch (result) {
            case SweepMachine.Result.Refused r -> LOG.debugf("%s", r.reason());
            case SweepMachine.Result.Ok ok when ok.changed() -> store(row, ok.sweep());
            case SweepMachine.Result.Ok ok -> {
            }
        }
        return result;
    }

    private void store(SweepRow before, Sweep after) {
        Sweep was = before.sweep();
        Long entry = before.ledgerEntryId();
        if (after.state() == SweepState.CONFIRMED) {
            entry = ledger.postSweepConfirmed("sweep " + after.id() + " tx " + after.txid() + " to " + before.coldAddress(),
                    after.sweptSats(), after.feeSats());
        } else if (was.state() == SweepState.CONFIRMED) {
            ledger.reverse(entry, "reorg: sweep " + after.id() + " tx " + after.txid() + " left the chain");
            entry = null;
        }
        repository.update(after, entry, Instant.now());
        LOG.infof("sweep %d: %s -> %s (%s, %d sats to %s)", after.id(), was.state(), after.state(), after.txid(),
                after.sweptSats(), before.coldAddress());
    }
}
