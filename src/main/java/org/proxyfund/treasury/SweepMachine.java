package org.proxyfund.treasury;

/**
 * The rules of the sweeps' one writer, pure: the owning service locks the sweep's row, applies one command and stores
 * the result. Repeats of a move already on record are answered {@link Result.Ok} without a change (a restarted sender
 * repeats what it was doing); anything the chain has not proven is refused with its reason.
 */
public final class SweepMachine {

    private SweepMachine() {
    }

    /** The outcome of one command. */
    public sealed interface Result {
        /** Applied; {@code changed} is false for a repeat of what is already on record. */
        record Ok(Sweep sweep, boolean changed) implements Result {
        }

        /** Not applied, and why (in English, for the log). */
        record Refused(String reason) implements Result {
        }
    }

    public static Result apply(Sweep s, SweepCommand command) {
        return switch (command) {
            case SweepCommand.MarkBroadcast(String txid) -> !txid.equals(s.txid()) ? unknown(s, txid)
                    : s.state() == SweepState.SIGNED ? moved(s, SweepState.BROADCAST)
                    : s.state() == SweepState.FAILED ? refused(s, "failed: nothing of it is sent") : same(s);
            case SweepCommand.MarkConfirmed(String txid, int n, int required) -> !txid.equals(s.txid()) ? unknown(s, txid)
                    : n < required ? refused(s, "has " + n + " of the " + required + " confirmations required")
                    : s.state().inFlight() ? moved(s, SweepState.CONFIRMED)
                    : s.state() == SweepState.CONFIRMED ? same(s) : refused(s, "failed: it cannot confirm");
            case SweepCommand.MarkLeftChain(String txid) -> !txid.equals(s.txid()) ? unknown(s, txid)
                    : s.state() == SweepState.CONFIRMED ? moved(s, SweepState.BROADCAST)
                    : s.state().inFlight() ? same(s) : refused(s, "failed: it was never in the chain");
            case SweepCommand.FailConflicted(String conflict, int n, int required) -> conflict.equals(s.txid())
                    ? refused(s, "its own transaction is no conflict")
                    : n < required ? refused(s, "the conflict has " + n + " of the " + required + " confirmations required")
                    : s.state().inFlight() ? moved(s, SweepState.FAILED)
                    : s.state() == SweepState.FAILED ? same(s) : refused(s, "confirmed: a conflict cannot be confirmed too");
        };
    }

    private static Result moved(Sweep s, SweepState next) {
        return new Result.Ok(s.moveTo(next), true);
    }

    private static Result same(Sweep s) {
        return new Result.Ok(s, false);
    }

    private static Result unknown(Sweep s, String txid) {
        return refused(s, txid + " is not its transaction " + s.txid());
    }

    private static Result refused(Sweep s, String why) {
        return new Result.Refused("sweep " + s.id() + " (" + s.state() + "): " + why);
    }
}
