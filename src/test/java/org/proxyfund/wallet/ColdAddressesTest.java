package org.proxyfund.wallet;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cold account key a hot deployment sweeps to (proxyfund.treasury.cold-watch-key), against Electrum's vector for
 * "abandon … about" (as in {@link WatchKeyTest}): bare or with its origin, the same first address; anything that is not
 * a public account key of the configured network is refused at start with the reason.
 */
@PlainLane
class ColdAddressesTest {

    @Test
    void shouldDeriveElectrumsReceiveAddressesFromTheBareKeyOrTheKeyWithItsOrigin() {
        ColdAddresses bare = ColdAddresses.parse(WatchKeyTest.ELECTRUM_VPUB, BitcoinNetwork.REGTEST);
        ColdAddresses origin = ColdAddresses.parse("[73c5da0a/84'/1'/0']" + WatchKeyTest.ELECTRUM_VPUB, BitcoinNetwork.REGTEST);
        assertEquals(WatchKeyTest.ELECTRUM_FIRST_ADDRESS, bare.address(0));
        assertEquals(WatchKeyTest.ELECTRUM_FIRST_ADDRESS, origin.address(0));
        assertNotEquals(bare.address(0), bare.address(1));
    }

    @Test
    void shouldRefuseAKeyOfAnotherNetworkGarbageOrAPrivateKeyWithTheReason() {
        String other = assertThrows(WalletStartupException.class,
                () -> ColdAddresses.parse(WatchKeyTest.ELECTRUM_VPUB, BitcoinNetwork.MAINNET)).getMessage();
        assertTrue(other.contains("proxyfund.treasury.cold-watch-key") && other.contains("not an extended public key"), other);
        String garbage = assertThrows(WalletStartupException.class,
                () -> ColdAddresses.parse("xpub-of-my-cold-wallet", BitcoinNetwork.REGTEST)).getMessage();
        assertTrue(garbage.contains("BIP-84 account"), garbage);
        org.bitcoinj.crypto.DeterministicKey account = org.bitcoinj.crypto.HDKeyDerivation.createMasterPrivateKey(new byte[32])
                .derive(84).derive(1).derive(0);
        String priv = account.serializePrivB58(BitcoinNetwork.REGTEST.bitcoinj());
        String secret = assertThrows(WalletStartupException.class,
                () -> ColdAddresses.parse(priv, BitcoinNetwork.REGTEST)).getMessage();
        assertTrue(secret.contains("PRIVATE"), secret);
        String master = org.bitcoinj.crypto.HDKeyDerivation.createMasterPrivateKey(new byte[32]).dropPrivateBytes()
                .serializePubB58(BitcoinNetwork.REGTEST.bitcoinj());
        String depth = assertThrows(WalletStartupException.class, () -> ColdAddresses.parse(master, BitcoinNetwork.REGTEST)).getMessage();
        assertTrue(depth.contains("depth 0"), depth);
    }
}
