package org.proxyfund.wallet;

import java.util.List;

/** The outcome of checking a signed upload against the PSBT the service proposed: accepted and finalized, or refused. */
public sealed interface PsbtCheck {

    /** Every input signed by the wallet's key for it, over exactly the proposed transaction: ready to store and send. */
    record Accepted(String txid, byte[] raw, long feeSats, int vsize) implements PsbtCheck {
    }

    /**
     * Refused, with the facts that say why ({@code args}, in the order the reason's javadoc gives) and an English
     * sentence for logs; pages render the reason in the reader's language.
     */
    record Refused(Reason reason, List<String> args, String english) implements PsbtCheck {
        public Refused {
            args = List.copyOf(args);
        }
    }

    /** Why an upload is refused. */
    enum Reason {
        /** Neither a PSBT (binary or base64) nor a signed transaction in hex; args: what was wrong. */
        UNREADABLE,
        /** The transaction of an older PSBT of this batch; args: its revision, the current revision. */
        OLD_REVISION,
        /** It spends other coins than proposed; args: none. */
        OTHER_INPUTS,
        /** An output differs; args: output index, proposed address, proposed sats, uploaded address, uploaded sats. */
        OTHER_OUTPUTS,
        /** Outputs count differs; args: proposed count, uploaded count. */
        OTHER_OUTPUT_COUNT,
        /** Only the change differs, so the fee does; args: proposed fee sats, uploaded fee sats. */
        OTHER_FEE,
        /** Version, lock time or sequences differ; args: none. */
        OTHER_TRANSACTION,
        /** An input carries no signature; args: input index. */
        NOT_SIGNED,
        /** An input is signed by a key that is not the wallet's key for that coin; args: input index, the key (hex). */
        KEY_NOT_IN_WALLET,
        /** A signature does not verify, or signs with a sighash type other than ALL; args: input index, detail. */
        BAD_SIGNATURE
    }
}
