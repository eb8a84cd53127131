package org.proxyfund.wallet.psbt;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * BIP-32 origin of a public key in a PSBT: the master key's fingerprint and the derivation path from it, so that a
 * signer recognises its own keys (inputs) and its own change (outputs).
 *
 * @param pubkey      33-byte compressed public key
 * @param fingerprint first 4 bytes of HASH160 of the master public key, as written (big-endian bytes)
 * @param path        child numbers from the master, hardened ones with bit 31 set
 */
public record KeyOrigin(byte[] pubkey, byte[] fingerprint, List<Integer> path) {

    public KeyOrigin {
        if (pubkey.length != 33) {
            throw new PsbtFormatException("a BIP-32 derivation key is not a 33-byte compressed public key");
        }
        if (fingerprint.length != 4) {
            throw new PsbtFormatException("a fingerprint has 4 bytes");
        }
        pubkey = pubkey.clone();
        fingerprint = fingerprint.clone();
        path = List.copyOf(path);
    }

    /** The path as text, e.g. {@code m/84'/1'/0'/1/3}. */
    public String pathText() {
        StringBuilder s = new StringBuilder("m");
        for (int child : path) {
            s.append('/').append(child & 0x7fffffff).append(child < 0 ? "'" : "");
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyOrigin k && Arrays.equals(pubkey, k.pubkey) && Arrays.equals(fingerprint, k.fingerprint)
                && path.equals(k.path);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pubkey) * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return "[" + HexFormat.of().formatHex(fingerprint) + pathText().substring(1) + "]" + HexFormat.of().formatHex(pubkey);
    }
}
