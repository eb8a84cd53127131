package org.proxyfund.wallet.address;

import org.proxyfund.common.testing.PlainLane;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.DumpedPrivateKey;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.BitcoinNetwork;
import org.proxyfund.wallet.address.ProofResult.Format;
import org.proxyfund.wallet.address.ProofResult.Reason;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vectors from the BIP-322 text and Bitcoin Core's util_tests, plus refusals. */
@PlainLane
class MessageProofVerifierTest {

    static final String BIP322_WIF = "L3VFeEujGtevx9w18HD1fhRbCH67Az2dpCymeRE1SoPK6XQtaN2k";
    static final String BIP322_ADDRESS = "bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l";
    static final String SIG_EMPTY = "AkcwRAIgM2gBAQqvZX15ZiysmKmQpDrG83avLIT492QBzLnQIxYCIBaTpOaD20qRlEylyxFSeEA2ba9YOixpX8z46TSDtS40ASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI=";
    static final String SIG_EMPTY_ALT = "AkgwRQIhAPkJ1Q4oYS0htvyuSFHLxRQpFAY56b70UvE7Dxazen0ZAiAtZfFz1S6T6I23MWI2lK/pcNTWncuyL8UL+oMdydVgzAEhAsfxIAMZZEKUPYWI4BruhAQjzFT8FSFSajuFwrDL1Yhy";
    static final String SIG_HELLO = "AkcwRAIgZRfIY3p7/DoVTty6YZbWS71bc5Vct9p9Fia83eRmw2QCICK/ENGfwLtptFluMGs2KsqoNSk89pO7F29zJLUx9a/sASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI=";
    static final String SIG_HELLO_ALT = "AkgwRQIhAOzyynlqt93lOKJr+wmmxIens//zPzl9tqIOua93wO6MAiBi5n5EyAcPScOjf1lAqIUIQtr3zKNeavYabHyR8eGhowEhAsfxIAMZZEKUPYWI4BruhAQjzFT8FSFSajuFwrDL1Yhy";
    /** Bitcoin Core util_tests: legacy signatures of the same key's P2PKH address. */
    static final String LEGACY_HELLO = "IOW2xi+ebJLeBtr674l4QH76dqDoVjLV80R9EFKFQX5rBrlCXPIZaYs8Yuayg0ZqjyiCbLy9pzZIS7JWT65/nsU=";
    static final String LEGACY_EMPTY = "H0Gm/ylcjvGmj29D/r6ASHKKWAyGA/MEU/Eh+IhFw3ZxFxy9b/dJ8/XFsiutCV8DWlFGnO95m/KoZwFPJTF1qaM=";

    static MessageProofVerifier verifier(BitcoinNetwork network) {
        return new MessageProofVerifier(new PayoutAddressValidator(() -> network));
    }

    private final MessageProofVerifier mainnet = verifier(BitcoinNetwork.MAINNET);

    @Test
    void shouldHashMessagesAsTheBip322VectorsSay() {
        assertEquals("c90c269c4f8fcbe6880f72a721ddfbf1914268a794cbb21cfafee13770ae19f1",
                HexFormat.of().formatHex(Bip322Verifier.messageHash("")));
        assertEquals("f0eb03b1a75ac6d9847f55c624a99169b5dccba2a31f5b23bea77ba270de0a7a",
                HexFormat.of().formatHex(Bip322Verifier.messageHash("Hello World")));
    }

    @Test
    void shouldBuildTheBip322VirtualTransactionsOfTheVectors() {
        var script = org.bitcoinj.script.ScriptBuilder.createOutputScript(
                org.bitcoinj.base.SegwitAddress.fromBech32(BIP322_ADDRESS, org.bitcoinj.base.BitcoinNetwork.MAINNET));
        var toSpendEmpty = Bip322Verifier.toSpend("", script);
        var toSpendHello = Bip322Verifier.toSpend("Hello World", script);
        assertEquals("c5680aa69bb8d860bf82d4e9cd3504b55dde018de765a91bb566283c545a99a7", toSpendEmpty.getTxId().toString());
        assertEquals("b79d196740ad5217771c1098fc4a4b51e0535c32236c71f1ea4d61a2d603352b", toSpendHello.getTxId().toString());
        var empty = org.bitcoinj.core.TransactionWitness.EMPTY;
        assertEquals("1e9654e951a5ba44c8604c4de6c67fd78a27e81dcadcfe1edf638ba3aaebaed6",
                Bip322Verifier.toSign(toSpendEmpty, empty).getTxId().toString());
        assertEquals("88737ae86f2077145f93cc4b153ae9a1cb8d56afa511988c149c5c8c9d93bddf",
                Bip322Verifier.toSign(toSpendHello, empty).getTxId().toString());
    }

    @Test
    void shouldAcceptEveryBip322SimpleVector() {
        for (String[] v : new String[][]{{"", SIG_EMPTY}, {"", SIG_EMPTY_ALT}, {"Hello World", SIG_HELLO}, {"Hello World", SIG_HELLO_ALT}}) {
            ProofResult result = mainnet.verify(BIP322_ADDRESS, v[0], v[1]);
            assertTrue(result.valid(), () -> v[1] + ": " + result.message());
            assertEquals(Format.BIP322_SIMPLE, result.format());
        }
    }

    @Test
    void shouldRefuseBip322VectorForSwappedMessages() {
        ProofResult result = mainnet.verify(BIP322_ADDRESS, "Hello World", SIG_EMPTY);
        assertEquals(Reason.WRONG_KEY, result.reason());
        assertEquals(Reason.WRONG_KEY, mainnet.verify(BIP322_ADDRESS, "Hello World!", SIG_HELLO).reason());
    }

    @Test
    void shouldRefuseBip322VectorForAnotherAddress() {
        String other = new ECKey().toAddress(ScriptType.P2WPKH, org.bitcoinj.base.BitcoinNetwork.MAINNET).toString();
        ProofResult result = mainnet.verify(other, "Hello World", SIG_HELLO);
        assertFalse(result.valid());
        assertEquals(Reason.WRONG_KEY, result.reason());
    }

    @Test
    void shouldAcceptBitcoinCoreLegacyVectorsForTheP2pkhAddressOfTheKey() {
        ECKey key = DumpedPrivateKey.fromBase58(org.bitcoinj.base.BitcoinNetwork.MAINNET, BIP322_WIF).getKey();
        String p2pkh = key.toAddress(ScriptType.P2PKH, org.bitcoinj.base.BitcoinNetwork.MAINNET).toString();
        ProofResult hello = mainnet.verify(p2pkh, "Hello World", LEGACY_HELLO);
        assertTrue(hello.valid(), hello.message());
        assertEquals(Format.BIP137, hello.format());
        assertTrue(mainnet.verify(p2pkh, "", LEGACY_EMPTY).valid());
        assertEquals(Reason.WRONG_KEY, mainnet.verify(p2pkh, "Hello World", LEGACY_EMPTY).reason());
    }

    @Test
    void shouldRefuseProofForAddressOfAnotherNetwork() {
        ProofResult result = verifier(BitcoinNetwork.REGTEST).verify(BIP322_ADDRESS, "Hello World", SIG_HELLO);
        assertEquals(Reason.WRONG_NETWORK, result.reason());
        assertTrue(result.message().contains("mainnet"), result.message());
    }

    @Test
    void shouldRefuseGarbageSignatures() {
        assertEquals(Reason.MALFORMED_SIGNATURE, mainnet.verify(BIP322_ADDRESS, "x", "not base64!").reason());
        assertEquals(Reason.MALFORMED_SIGNATURE, mainnet.verify(BIP322_ADDRESS, "x", "AAAA").reason());
        assertEquals(Reason.MALFORMED_ADDRESS, mainnet.verify("bc1qnope", "x", SIG_HELLO).reason());
    }

    @Test
    void shouldHashUtf8MessagesAsTheBip322VectorsSay() {
        assertEquals("43936b237ea38c7794eb5d755e0d220b6db92ebfc5c8f482759d22b1286376d7",
                HexFormat.of().formatHex(Bip322Verifier.messageHash("UTF-8 support: öäüéàè 测试文本 \uD83D\uDE04")));
    }

    @Test
    void shouldAcceptTheSmpPrefixOfTheCurrentBip322TextAndRefuseFullSignatures() {
        assertTrue(mainnet.verify(BIP322_ADDRESS, "Hello World", "smp" + SIG_HELLO).valid());
        assertTrue(mainnet.verify(BIP322_ADDRESS, "", "smp" + SIG_EMPTY_ALT).valid());
        ProofResult full = mainnet.verify("bc1pyrgrm6cu6n54jrvkdjd9rvyd3xfyu84s2623awu2srn6mxhscwpsm5644w", "incorrect prefix",
                "fulAUDZwFXUp+adN+/UZj5dVrGAbB3zKs1Vcalz5fCF9srxS63eSWNGvH1NYbrBkPt1BJDUyWUz9zgUxfc63/QheT6M");
        assertEquals(Reason.MALFORMED_SIGNATURE, full.reason());
        assertEquals(Reason.MALFORMED_SIGNATURE, mainnet.verify(BIP322_ADDRESS, "", "smpAA==").reason());
        assertEquals(Reason.MALFORMED_SIGNATURE, mainnet.verify(BIP322_ADDRESS, "", "").reason());
    }

    /** Bitcoin Core util_tests (SIGHASH_ALL) and the BIP-322 vector files (SIGHASH_DEFAULT) for single-key taproot. */
    @Test
    void shouldAcceptTaprootBip322Vectors() {
        String[][] vectors = {
                {"bc1ppv609nr0vr25u07u95waq5lucwfm6tde4nydujnu8npg4q75mr5sxq8lt3", "Hello World",
                        "AUHd69PrJQEv+oKTfZ8l+WROBHuy9HKrbFCJu7U1iK2iiEy1vMU5EfMtjc+VSHM7aU0SDbak5IUZRVno2P5mjSafAQ=="},
                {"bc1pss0zhytly75awhm6x2hhvd5lnzv3vssgrf9axfheq8ldyzn88ges79fler", "No prefix fallback",
                        "AUCJYOwOjxYAvatTAGYaVlNXBVyFuc4MwNQkOuK2tl8xhfKDONd0NjfYyNSYcRqeCp8hsAnCEPHAVEkO9h6vbQ/R"},
                {"bc1pcquvhrqv0q68t4m0hfq6tpn006qrskyc7yrqnp2uyrf2emg3wynsdjyk38", "PURVOQ544B6HUATVBJZN5EZJUU",
                        "smpAUB6B2Rbupzua8LTQIF06516wzl+cwKy1be8RgoiW0riyXdKwe6GTz/5Hnb37m67pJwIKCh+D5jDueG6KpvYpmu8"}};
        for (String[] v : vectors) {
            ProofResult result = mainnet.verify(v[0], v[1], v[2]);
            assertTrue(result.valid(), () -> v[0] + ": " + result.message());
            assertEquals(Format.BIP322_SIMPLE, result.format());
        }
    }

    @Test
    void shouldRefuseTaprootProofsForAnotherMessageSignerOrNetwork() {
        String address = "bc1ppv609nr0vr25u07u95waq5lucwfm6tde4nydujnu8npg4q75mr5sxq8lt3";
        String sig = "AUHd69PrJQEv+oKTfZ8l+WROBHuy9HKrbFCJu7U1iK2iiEy1vMU5EfMtjc+VSHM7aU0SDbak5IUZRVno2P5mjSafAQ==";
        assertEquals(Reason.WRONG_KEY, mainnet.verify(address, "", sig).reason());
        assertEquals(Reason.WRONG_KEY, mainnet.verify(address, "Hello World.", sig).reason());
        assertEquals(Reason.WRONG_KEY, mainnet.verify("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", "Hello World", sig).reason());
        assertEquals(Reason.WRONG_KEY, mainnet.verify("bc1pcquvhrqv0q68t4m0hfq6tpn006qrskyc7yrqnp2uyrf2emg3wynsdjyk38", "56VM6YK6Y76XTBXNPITF232EPX",
                "smpAUB6B2Rbupzua8LTQIF06516wzl+cwKy1be8RgoiW0riyXdKwe6GTz/5Hnb37m67pJwIKCh+D5jDueG6KpvYpmu8").reason());
        assertEquals(Reason.WRONG_KEY, mainnet.verify("bc1pltvk000nd54v3hrrcn7lsffdra72hphpm40rhzf9hn8arqkgermq2p9029", "PURVOQ544B6HUATVBJZN5EZJUU",
                "smpAUB6B2Rbupzua8LTQIF06516wzl+cwKy1be8RgoiW0riyXdKwe6GTz/5Hnb37m67pJwIKCh+D5jDueG6KpvYpmu8").reason());
        assertEquals(Reason.WRONG_NETWORK, verifier(BitcoinNetwork.REGTEST).verify(address, "Hello World", sig).reason());
        byte[] raw = java.util.Base64.getDecoder().decode(sig);
        raw[raw.length - 1] = 0x02; // SIGHASH_NONE is not allowed
        assertEquals(Reason.MALFORMED_SIGNATURE, mainnet.verify(address, "Hello World", java.util.Base64.getEncoder().encodeToString(raw)).reason());
    }

    @Test
    void shouldRefuseLegacySignaturesForTaprootAndAnyProofForP2wsh() {
        String p2tr = "bc1ppv609nr0vr25u07u95waq5lucwfm6tde4nydujnu8npg4q75mr5sxq8lt3";
        ProofResult result = mainnet.verify(p2tr, "Hello World", LEGACY_HELLO);
        assertEquals(Reason.UNSUPPORTED_ADDRESS_TYPE, result.reason());
        assertTrue(result.message().contains("BIP-322"), result.message());
        String p2wsh = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3";
        assertEquals(Reason.UNSUPPORTED_ADDRESS_TYPE, mainnet.verify(p2wsh, "Hello World", SIG_HELLO).reason());
    }

    @Test
    void shouldDeriveTheTaprootVectorAddressFromTheBip322Key() {
        ECKey key = DumpedPrivateKey.fromBase58(org.bitcoinj.base.BitcoinNetwork.MAINNET, BIP322_WIF).getKey();
        assertEquals("bc1ppv609nr0vr25u07u95waq5lucwfm6tde4nydujnu8npg4q75mr5sxq8lt3",
                ProofSigner.taprootAddress(key, BitcoinNetwork.MAINNET), "the test signer tweaks keys as BIP-86 wallets do");
    }
}
