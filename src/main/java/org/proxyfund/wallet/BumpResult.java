package org.proxyfund.wallet;

/** The outcome of a fee bump by replacement; expected refusals are values, not exceptions. */
public sealed interface BumpResult {

    /** The replacement: same inputs (plus any added), same payment outputs in the same order, a higher fee. */
    record Bumped(SignResult.Signed replacement, String originalTxid, long originalFeeSats) implements BumpResult {
    }

    /** The change and the wallet's other spendable coins do not cover the higher fee. */
    record InsufficientFunds(long missingSats) implements BumpResult {
    }

    /** The transaction cannot be replaced (not the wallet's, already confirmed, new rate not higher, ...). */
    record CannotBump(String reason) implements BumpResult {
    }
}
