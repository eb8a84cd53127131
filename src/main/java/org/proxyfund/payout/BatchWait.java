package org.proxyfund.payout;

import java.util.List;
import java.util.Locale;

/**
 * Why a batch that should move on does not: a code the admin page says in the reader's language, with its figures
 * ({@code args}, already formatted, at most three). Stored on the batch when the sending loop meets it
 * (funds, fees, a node that did not take the transaction), or judged live from the wallet (not running, no node,
 * catching up, a block the node announced and did not deliver) and the chain (confirmations so far).
 */
public record BatchWait(Why why, List<String> args) {

    /** The reasons; each has a text in PayoutMessages#wait_reason (en, ru). */
    public enum Why {
        /** The wallet is off: nothing is signed, sent or tracked. */
        WALLET_OFF,
        /** No node is connected to the wallet. */
        NO_PEER,
        /** The wallet is below the node's height (height, node's height). */
        CATCHING_UP,
        /** A block the node announced did not reach the wallet in time (height, node's height): an unresponsive node. */
        BLOCK_MISSING,
        /** No node took the signed transaction (txid, detail). */
        NODE_DID_NOT_TAKE,
        /** The node refused the signed transaction (txid, detail). */
        NODE_REJECTED,
        /** Too few deep coins (missing sats, confirmations the coins need). */
        FUNDS,
        /** The deep coins cover it only with coins reserved for PSBTs on offer (missing sats, those batches). */
        COINS_RESERVED,
        /** The fee would be too large a share (fee sats, max share in %, batch total). */
        FEE_SHARE,
        /** Sent, not yet confirmed deep enough (confirmations, confirmations required). */
        CONFIRMATIONS,
        /** A fee bump would pass the ceiling (current rate, ceiling). */
        FEE_CEILING,
        /** A fee bump would be too large a share (fee sats, max share in %, batch total). */
        BUMP_FEE_SHARE,
        /** A fee bump lacks coins (missing sats). */
        BUMP_FUNDS,
        /** The wallet cannot bump the transaction (its reason). */
        CANNOT_BUMP,
        /** The batch had max-bumps bumps already (bumps, current rate). */
        MAX_BUMPS,
        /** Hot float: the hot wallet lacks coins; a refill from cold storage is needed (missing sats, spendable, cap). */
        FLOAT_REFILL,
        /** Hot float: outputs (and fee) above the cap, which the float never pays (sats, cap). */
        FLOAT_CAP
    }

    public BatchWait {
        if (args.size() > 3) {
            throw new IllegalArgumentException("at most three figures, not " + args);
        }
        args = List.copyOf(args);
    }

    static BatchWait of(Why why, Object... args) {
        return new BatchWait(why, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Figure {@code i}, or empty. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** The reason in the given language (the message bundle). */
    public String text(Locale locale) {
        return PayoutPages.messages(locale).wait_reason(why.name(), arg(0), arg(1), arg(2));
    }

    /** A share in basis points as the pages write it, e.g. 500 → "5.00". */
    static String percent(int basisPoints) {
        return String.format(Locale.ROOT, "%d.%02d", basisPoints / 100, basisPoints % 100);
    }
}
