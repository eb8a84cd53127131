package org.proxyfund.wallet;

import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.wallet.DeterministicSeed;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cold wallet's account key as an admin copies it from their wallet. The vector is Electrum 4.3's, restored from
 * the public BIP-39 test mnemonic "abandon … about" (tools/electrum-bip84-wallet.py): fingerprint, account key, and
 * its first receive address on regtest.
 */
@PlainLane
class WatchKeyTest {

    static final String ELECTRUM_VPUB = "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAgjAvtbBrf8ZhDYe2jWAqvZVnsc";
    static final String ELECTRUM_FIRST_ADDRESS = "bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk";

    @Test
    void shouldReadTheAccountKeyElectrumShowsAndDeriveElectrumsFirstAddress() {
        WatchKey key = WatchKey.parse("[73c5da0a/84'/1'/0']" + ELECTRUM_VPUB, BitcoinNetwork.REGTEST.bitcoinj());
        assertEquals("73c5da0a", HexFormat.of().formatHex(key.fingerprint()));
        assertEquals(3, key.accountPath().size());
        DeterministicKey first = HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(key.key(), ChildNumber.ZERO), ChildNumber.ZERO);
        assertEquals(ELECTRUM_FIRST_ADDRESS, first.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST.bitcoinj()).toString());
        assertEquals(key.accountPath(), WatchKey.parse("[73C5DA0A/84h/1h/0h]" + ELECTRUM_VPUB, BitcoinNetwork.REGTEST.bitcoinj()).accountPath());
    }

    @Test
    void shouldRefuseAnExtendedPrivateKeySoColdModeNeverHoldsOne() {
        byte[] seed = DeterministicSeed.ofMnemonic("abandon abandon abandon abandon abandon abandon abandon abandon abandon"
                + " abandon abandon about", "").getSeedBytes();
        DeterministicKey account = HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(
                HDKeyDerivation.createMasterPrivateKey(seed), new ChildNumber(84, true)), new ChildNumber(1, true)), new ChildNumber(0, true));
        assertEquals(ELECTRUM_VPUB, account.serializePubB58(BitcoinNetwork.REGTEST.bitcoinj(), ScriptType.P2WPKH));
        String vprv = account.serializePrivB58(BitcoinNetwork.REGTEST.bitcoinj(), ScriptType.P2WPKH);
        WalletStartupException e = assertThrows(WalletStartupException.class,
                () -> WatchKey.parse("[73c5da0a/84'/1'/0']" + vprv, BitcoinNetwork.REGTEST.bitcoinj()));
        assertTrue(e.getMessage().contains("PRIVATE key"), e.getMessage());
        assertTrue(!e.getMessage().contains(vprv), "the key is not echoed");
    }

    @Test
    void shouldRefuseAKeyWithoutItsOriginOrNotAtABip84Account() {
        assertThrows(WalletStartupException.class, () -> WatchKey.parse(ELECTRUM_VPUB, BitcoinNetwork.REGTEST.bitcoinj()));
        assertThrows(WalletStartupException.class,
                () -> WatchKey.parse("[73c5da0a/44'/1'/0']" + ELECTRUM_VPUB, BitcoinNetwork.REGTEST.bitcoinj()));
        assertThrows(WalletStartupException.class,
                () -> WatchKey.parse("[73c5da0a/84'/1'/0']" + ELECTRUM_VPUB, BitcoinNetwork.MAINNET.bitcoinj()));
    }
}
