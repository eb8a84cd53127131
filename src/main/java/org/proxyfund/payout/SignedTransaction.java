package org.proxyfund.payout;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A signed payout transaction as stored before it is broadcast: its txid and its raw bytes. */
public record SignedTransaction(String txid, byte[] raw) {

    private static final Pattern TXID = Pattern.compile("[0-9a-f]{64}");

    /** Checks the txid's form (64 lower-case hex digits) and copies the bytes so the value stays immutable. */
    public SignedTransaction {
        requireTxid(txid);
        if (raw == null || raw.length == 0) {
            throw new IllegalArgumentException("raw transaction of " + txid + " is empty");
        }
        raw = raw.clone();
    }

    /** Throws when {@code txid} is not 64 lower-case hex digits: txids come from the wallet, so a bad one is a bug. */
    public static String requireTxid(String txid) {
        if (txid == null || !TXID.matcher(txid).matches()) {
            throw new IllegalArgumentException("not a txid (64 lower-case hex digits): " + txid);
        }
        return txid;
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedTransaction other && txid.equals(other.txid) && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return 31 * txid.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "SignedTransaction[" + txid + ", " + raw.length + " bytes: " + HexFormat.of().formatHex(raw, 0, Math.min(8, raw.length)) + "…]";
    }
}
