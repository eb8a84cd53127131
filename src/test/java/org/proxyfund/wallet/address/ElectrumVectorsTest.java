package org.proxyfund.wallet.address;

import org.proxyfund.common.testing.PlainLane;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.BitcoinNetwork;
import org.proxyfund.wallet.address.ProofResult.Format;
import org.proxyfund.wallet.address.ProofResult.Reason;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signatures made by a real wallet (Electrum 4.3, offline, fixed test seeds; see tools/electrum-signed-message-vectors.sh)
 * for P2PKH, P2SH-P2WPKH and P2WPKH on mainnet, testnet and regtest, accepted and refused as they should be.
 */
@PlainLane
class ElectrumVectorsTest {

    static final String RESOURCE = "electrum-vectors.tsv";
    static final String NONCE = "000102030405060708090a0b0c0d0e0f";
    static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

    record Vector(BitcoinNetwork network, String type, String address, String message, String signature) {
        ScriptType scriptType() {
            return switch (type) {
                case "p2pkh" -> ScriptType.P2PKH;
                case "p2wpkh" -> ScriptType.P2WPKH;
                default -> ScriptType.P2SH;
            };
        }
    }

    static String resourceText() throws IOException {
        try (InputStream in = ElectrumVectorsTest.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Vector> vectors() throws IOException {
        return resourceText().lines().filter(l -> !l.isBlank()).map(l -> l.split("\t")).map(f ->
                new Vector(BitcoinNetwork.valueOf(f[0].toUpperCase(Locale.ROOT)), f[1], f[2], f[3], f[4])).toList();
    }

    @Test
    void shouldCoverEveryLegacySupportedTypeOnEveryNetwork() throws IOException {
        List<Vector> all = vectors();
        assertEquals(9, all.size());
        for (BitcoinNetwork network : List.of(BitcoinNetwork.MAINNET, BitcoinNetwork.TESTNET, BitcoinNetwork.REGTEST)) {
            assertEquals(3, all.stream().filter(v -> v.network() == network).map(Vector::type).distinct().count());
        }
    }

    @Test
    void shouldSignTheServicesOwnChallengeText() throws IOException {
        for (Vector v : vectors()) {
            assertEquals(new OwnershipChallenge("proxyfund", "electrum-test", v.address(), NONCE, ISSUED).text(), v.message());
        }
    }

    @Test
    void shouldAcceptEveryElectrumSignature() throws IOException {
        for (Vector v : vectors()) {
            ProofResult result = MessageProofVerifierTest.verifier(v.network()).verify(v.address(), v.message(), v.signature());
            assertTrue(result.valid(), () -> v + ": " + result.message());
            assertEquals(v.type().equals("p2pkh") ? Format.BIP137 : Format.ELECTRUM, result.format(), v::toString);
            AddressType expected = v.type().equals("p2pkh") ? AddressType.P2PKH
                    : v.type().equals("p2wpkh") ? AddressType.P2WPKH : AddressType.P2SH;
            assertEquals(expected, new PayoutAddressValidator(v::network).validate(v.address()).type());
        }
    }

    @Test
    void shouldRefuseASignatureByAnotherKeyOverTheSameMessage() throws IOException {
        ECKey other = new ECKey();
        for (Vector v : vectors()) {
            String forged = other.signMessage(v.message(), v.scriptType());
            ProofResult result = MessageProofVerifierTest.verifier(v.network()).verify(v.address(), v.message(), forged);
            assertEquals(Reason.WRONG_KEY, result.reason(), v::toString);
        }
    }

    @Test
    void shouldRefuseTheSignatureForAnotherAddressOfTheSameType() throws IOException {
        for (Vector v : vectors()) {
            String otherAddress = new ECKey().toAddress(v.scriptType() == ScriptType.P2SH ? ScriptType.P2WPKH : v.scriptType(),
                    v.network().bitcoinj()).toString();
            if (v.scriptType() == ScriptType.P2SH) otherAddress = ProofSigner.p2shP2wpkhAddress(new ECKey(), v.network());
            ProofResult result = MessageProofVerifierTest.verifier(v.network()).verify(otherAddress, v.message(), v.signature());
            assertEquals(Reason.WRONG_KEY, result.reason(), v::toString);
        }
    }

    @Test
    void shouldRefuseATamperedMessage() throws IOException {
        for (Vector v : vectors()) {
            MessageProofVerifier verifier = MessageProofVerifierTest.verifier(v.network());
            String otherNonce = v.message().replace(NONCE, "ff0102030405060708090a0b0c0d0e0f");
            assertEquals(Reason.WRONG_KEY, verifier.verify(v.address(), otherNonce, v.signature()).reason(), v::toString);
            assertEquals(Reason.WRONG_KEY, verifier.verify(v.address(), v.message() + " ", v.signature()).reason(), v::toString);
        }
    }

    @Test
    void shouldRefuseEveryVectorOnANetworkItIsNotFor() throws IOException {
        for (Vector v : vectors()) {
            BitcoinNetwork other = v.network() == BitcoinNetwork.MAINNET ? BitcoinNetwork.REGTEST : BitcoinNetwork.MAINNET;
            ProofResult result = MessageProofVerifierTest.verifier(other).verify(v.address(), v.message(), v.signature());
            assertEquals(Reason.WRONG_NETWORK, result.reason(), v::toString);
        }
        Vector regtestSegwit = vectors().stream().filter(v -> v.network() == BitcoinNetwork.REGTEST && v.type().equals("p2wpkh")).findFirst().orElseThrow();
        ProofResult onTestnet = MessageProofVerifierTest.verifier(BitcoinNetwork.TESTNET)
                .verify(regtestSegwit.address(), regtestSegwit.message(), regtestSegwit.signature());
        assertEquals(Reason.WRONG_NETWORK, onTestnet.reason());
        assertTrue(onTestnet.message().contains("regtest"), onTestnet.message());
    }

    /** Runs the generator script with the installed Electrum and expects exactly the committed vectors. */
    @Test
    @Tag("long") // 33 Electrum runs of its own, half a minute of CPU: ./mvnw -Plong verify (docs/testing.md)
    void shouldReproduceTheCommittedVectorsWithTheInstalledElectrum() throws Exception {
        boolean installed = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "electrum")));
        Assumptions.assumeTrue(installed, "electrum is not installed (.ci/install-test-deps installs it)");
        Process process = new ProcessBuilder("tools/electrum-signed-message-vectors.sh")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "electrum took over 3 minutes");
        assertEquals(0, process.exitValue());
        assertEquals(resourceText(), new String(out, StandardCharsets.UTF_8));
    }
}
