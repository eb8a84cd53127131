package org.proxyfund.payout;

import org.proxyfund.wallet.PsbtCheck;

/** What became of an admin's signed upload for a batch; expected outcomes are values, rendered in one place. */
public sealed interface PsbtUpload {

    /** Checked and stored: the batch is SIGNED with {@code txid}; the payout worker broadcasts the stored bytes. */
    record Accepted(PayoutBatchView batch, String txid) implements PsbtUpload {
    }

    /** The upload is not the batch's current PSBT signed by the wallet's keys; nothing changed. */
    record Refused(PsbtCheck.Refused why) implements PsbtUpload {
    }

    /** This admin's upload already signed the batch (transaction {@code txid}); a second one changes nothing. */
    record AlreadySignedByYou(String txid) implements PsbtUpload {
    }

    /** The batch does not await signatures (not yet approved, already signed by someone, or closed). */
    record NotAwaiting(BatchState state) implements PsbtUpload {
    }

    /** No such batch. */
    record NotFound(long batchId) implements PsbtUpload {
    }
}
