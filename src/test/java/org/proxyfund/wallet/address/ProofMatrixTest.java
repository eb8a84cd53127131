package org.proxyfund.wallet.address;

import org.proxyfund.common.testing.PlainLane;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.proxyfund.wallet.BitcoinNetwork;
import org.proxyfund.wallet.address.ProofResult.Format;
import org.proxyfund.wallet.address.ProofResult.Reason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every supported address type and signature format on every network: accepted, and refused for each kind of mistake. */
@PlainLane
class ProofMatrixTest {

    /** One way of signing: which address a key gets, and how it signs a message. */
    enum Kind {
        P2PKH_COMPRESSED(Format.BIP137), P2PKH_UNCOMPRESSED(Format.BIP137), P2SH_P2WPKH_BIP137(Format.BIP137),
        P2WPKH_BIP137(Format.BIP137), P2WPKH_BIP322(Format.BIP322_SIMPLE),
        P2TR_BIP322_DEFAULT(Format.BIP322_SIMPLE), P2TR_BIP322_ALL(Format.BIP322_SIMPLE);

        final Format format;

        Kind(Format format) {
            this.format = format;
        }

        ECKey newKey() {
            ECKey key = new ECKey();
            return this == P2PKH_UNCOMPRESSED ? ECKey.fromPrivate(key.getPrivKey(), false) : key;
        }

        String address(ECKey key, BitcoinNetwork network) {
            return switch (this) {
                case P2PKH_COMPRESSED, P2PKH_UNCOMPRESSED -> key.toAddress(ScriptType.P2PKH, network.bitcoinj()).toString();
                case P2SH_P2WPKH_BIP137 -> ProofSigner.p2shP2wpkhAddress(key, network);
                case P2WPKH_BIP137, P2WPKH_BIP322 -> key.toAddress(ScriptType.P2WPKH, network.bitcoinj()).toString();
                case P2TR_BIP322_DEFAULT, P2TR_BIP322_ALL -> ProofSigner.taprootAddress(key, network);
            };
        }

        String sign(ECKey key, BitcoinNetwork network, String message) {
            return switch (this) {
                case P2PKH_COMPRESSED, P2PKH_UNCOMPRESSED -> key.signMessage(message, ScriptType.P2PKH);
                case P2SH_P2WPKH_BIP137 -> key.signMessage(message, ScriptType.P2SH);
                case P2WPKH_BIP137 -> key.signMessage(message, ScriptType.P2WPKH);
                case P2WPKH_BIP322 -> ProofSigner.bip322(key, network, message);
                case P2TR_BIP322_DEFAULT -> ProofSigner.bip322Taproot(key, network, message, false);
                case P2TR_BIP322_ALL -> ProofSigner.bip322Taproot(key, network, message, true);
            };
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (BitcoinNetwork network : BitcoinNetwork.values()) {
            for (Kind kind : Kind.values()) all.add(Arguments.of(network, kind));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void shouldAcceptAProofAndRefuseWrongKeyAddressMessageAndNetwork(BitcoinNetwork network, Kind kind) {
        MessageProofVerifier verifier = MessageProofVerifierTest.verifier(network);
        ECKey key = kind.newKey();
        String address = kind.address(key, network);
        String message = OwnershipChallenge.issue("proxyfund", "op-" + kind.name().toLowerCase(), address, Instant.now()).text();
        String signature = kind.sign(key, network, message);

        ProofResult ok = verifier.verify(address, message, signature);
        assertTrue(ok.valid(), ok::message);
        assertEquals(kind.format, ok.format());

        String byOtherKey = kind.sign(kind.newKey(), network, message);
        assertEquals(Reason.WRONG_KEY, verifier.verify(address, message, byOtherKey).reason(), "wrong key");

        String otherAddress = kind.address(kind.newKey(), network);
        assertEquals(Reason.WRONG_KEY, verifier.verify(otherAddress, message, signature).reason(), "wrong address");

        String tampered = message.replace("handle=op-", "handle=0p-");
        assertEquals(Reason.WRONG_KEY, verifier.verify(address, tampered, signature).reason(), "tampered message");

        BitcoinNetwork other = network == BitcoinNetwork.MAINNET ? BitcoinNetwork.SIGNET : BitcoinNetwork.MAINNET;
        ProofResult wrongNetwork = MessageProofVerifierTest.verifier(other).verify(address, message, signature);
        assertEquals(Reason.WRONG_NETWORK, wrongNetwork.reason(), "wrong network");
    }
}
