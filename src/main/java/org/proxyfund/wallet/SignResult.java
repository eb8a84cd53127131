package org.proxyfund.wallet;

/** The outcome of building and signing a transaction; expected failures are values, not exceptions. */
public sealed interface SignResult {

    /**
     * A signed transaction, neither broadcast nor committed to the wallet: store it (raw bytes, txid) before
     * broadcasting it. Payment line i is output i; {@code changeVout} is the change output, -1 when there is none.
     */
    record Signed(String txid, byte[] raw, long feeSats, int vsize, int changeVout) implements SignResult {
    }

    /** The wallet's spendable coins do not cover the outputs plus the fee. */
    record InsufficientFunds(long missingSats) implements SignResult {
    }

    /**
     * The wallet's spendable coins cover the outputs plus the fee only with coins reserved for a PSBT on offer
     * (promised to the admins' signatures): {@code missingSats} is what the unreserved coins lack.
     */
    record CoinsReserved(long missingSats) implements SignResult {
    }

    /** An output was refused: bad address for this network, dust or non-positive amount. */
    record InvalidOutput(int index, String reason) implements SignResult {
    }
}
