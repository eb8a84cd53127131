package org.proxyfund.wallet;

import org.bitcoinj.base.Network;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cold wallet's account key as configured: {@code [fingerprint/84'/coin'/0']xpub…}, the key-origin form of output
 * descriptors. The extended public key watches the account's addresses; the origin (master fingerprint and account
 * path) goes into every PSBT so the admins' wallets recognise their keys. Public data only.
 */
record WatchKey(byte[] fingerprint, List<ChildNumber> accountPath, DeterministicKey key) {

    private static final Pattern FORM = Pattern.compile("\\[([0-9a-fA-F]{8})((?:/\\d+['hH]?)+)\\]([1-9A-HJ-NP-Za-km-z]{100,120})");

    static WatchKey parse(String text, Network network) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new WalletStartupException("proxyfund.wallet.watch-key is not [fingerprint/84'/coin'/0']xpub… (the account's"
                    + " extended public key with its origin, as in an output descriptor)");
        }
        List<ChildNumber> path = new ArrayList<>();
        for (String step : m.group(2).substring(1).split("/")) {
            boolean hardened = step.endsWith("'") || step.endsWith("h") || step.endsWith("H");
            path.add(new ChildNumber(Integer.parseInt(hardened ? step.substring(0, step.length() - 1) : step), hardened));
        }
        if (path.size() != 3 || !path.get(0).equals(new ChildNumber(84, true)) || !path.stream().allMatch(ChildNumber::isHardened)) {
            throw new WalletStartupException("proxyfund.wallet.watch-key must be a BIP-84 account key: origin 84'/coin'/account'");
        }
        DeterministicKey key;
        try {
            key = DeterministicKey.deserializeB58(m.group(3), network);
        } catch (RuntimeException e) {
            throw new WalletStartupException("proxyfund.wallet.watch-key is not an extended public key for " + network
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (key.hasPrivKey()) {
            throw new WalletStartupException("proxyfund.wallet.watch-key holds a PRIVATE key: give the account's public key"
                    + " (xpub/zpub, tpub/vpub); the service must hold no spending key in cold mode");
        }
        if (key.getDepth() != 3) {
            throw new WalletStartupException("proxyfund.wallet.watch-key is at depth " + key.getDepth() + ", not an account (3)");
        }
        return new WatchKey(HexFormat.of().parseHex(m.group(1).toLowerCase(java.util.Locale.ROOT)), List.copyOf(path), key);
    }

    PsbtMaker.Origin origin() {
        return new PsbtMaker.Origin(fingerprint.clone(), accountPath);
    }
}
