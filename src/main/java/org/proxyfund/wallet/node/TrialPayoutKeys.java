package org.proxyfund.wallet.node;

import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/**
 * Trial payout addresses: one regtest key per account, kept in {@code payout-keys/<account>.key} (mode 0600) in the
 * local node's data folder, so trial mode can prove an operator's payout address for them (an Electrum-style signed
 * message, which the service's own verifier checks) and the payouts to it stay spendable on this machine.
 */
public final class TrialPayoutKeys {

    private TrialPayoutKeys() {
    }

    /** The account's trial payout address (bcrt1q…), made once. */
    public static String address(Path dir, long accountId) throws IOException {
        return key(dir, accountId).toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString();
    }

    /** A signed-message signature (base64) of {@code message} by the account's trial key. */
    public static String sign(Path dir, long accountId, String message) throws IOException {
        return key(dir, accountId).signMessage(message);
    }

    private static synchronized ECKey key(Path dir, long accountId) throws IOException {
        Path folder = dir.resolve("payout-keys");
        Path file = folder.resolve(accountId + ".key");
        if (!Files.exists(file)) {
            Files.createDirectories(folder);
            Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    new ECKey().getPrivateKeyAsHex());
        }
        return ECKey.fromPrivate(HexFormat.of().parseHex(Files.readString(file).strip()));
    }
}
