package org.proxyfund.wallet;

import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cold wallet's receive addresses as a hot deployment sees them: derived from the cold account's extended public
 * key ({@code proxyfund.treasury.cold-watch-key}, BIP-84: xpub/zpub on mainnet, tpub/vpub on the test networks, alone
 * or in the key-origin form {@code [fingerprint/84'/coin'/0']xpub…}) along the receive branch {@code 0/i}, P2WPKH.
 * Public data only: nothing here can spend what it derives.
 */
public final class ColdAddresses {

    static final String KEY = "proxyfund.treasury.cold-watch-key";
    private static final Pattern FORM = Pattern.compile("(?:\\[[0-9a-fA-F]{8}(?:/\\d+['hH]?)+\\])?([1-9A-HJ-NP-Za-km-z]{100,120})");

    private final DeterministicKey receive;
    private final org.bitcoinj.base.Network network;

    private ColdAddresses(DeterministicKey receive, org.bitcoinj.base.Network network) {
        this.receive = receive;
        this.network = network;
    }

    /** Reads and checks the configured key; a {@link WalletStartupException} says what is wrong with it. */
    public static ColdAddresses parse(String text, BitcoinNetwork bitcoinNetwork) {
        org.bitcoinj.base.Network network = bitcoinNetwork.bitcoinj();
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new WalletStartupException(KEY + " is not a BIP-84 account's extended public key (xpub/zpub, tpub/vpub,"
                    + " optionally with its origin [fingerprint/84'/coin'/0'])");
        }
        DeterministicKey account;
        try {
            account = DeterministicKey.deserializeB58(m.group(1), network);
        } catch (RuntimeException e) {
            throw new WalletStartupException(KEY + " is not an extended public key for " + network
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (account.hasPrivKey()) {
            throw new WalletStartupException(KEY + " holds a PRIVATE key: give the cold account's public key; the cold"
                    + " wallet's keys never belong on the server");
        }
        if (account.getDepth() != 3) {
            throw new WalletStartupException(KEY + " is at depth " + account.getDepth() + ", not an account (3): export the"
                    + " account key of m/84'/coin'/0'");
        }
        return new ColdAddresses(HDKeyDerivation.deriveChildKey(account, ChildNumber.ZERO), network);
    }

    /** The cold receive address {@code 0/index}. */
    public String address(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("a receive index is not negative: " + index);
        }
        DeterministicKey key = HDKeyDerivation.deriveChildKey(receive, new ChildNumber(index, false));
        return key.toAddress(ScriptType.P2WPKH, network).toString();
    }
}
