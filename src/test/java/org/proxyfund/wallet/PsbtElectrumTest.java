package org.proxyfund.wallet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.ScriptBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.psbt.Psbt;
import org.proxyfund.wallet.psbt.PsbtReader;
import org.proxyfund.wallet.psbt.PsbtWriter;
import org.proxyfund.wallet.testing.Electrum;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PSBTs of the wallet signed by an independent wallet: Debian's Electrum, restored offline from the service's own
 * mnemonic by Electrum's library. The service accepts exactly its proposal signed by its keys, the node mines it,
 * and it refuses other outputs, another fee, an older revision and a key that is not the wallet's.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class PsbtElectrumTest {

    @Inject
    WalletService wallet;
    @ConfigProperty(name = "proxyfund.wallet.mnemonic")
    String mnemonic;

    private final RegtestNode node = RegtestNode.shared();
    private static Electrum electrum;

    @BeforeEach
    void funded() {
        RegtestNode.await("wallet sync", Duration.ofSeconds(60),
                () -> wallet.state().synced() && wallet.state().chainHeight() >= node.blockCount());
        if (electrum == null) {
            electrum = Electrum.restore(mnemonic);
        }
        if (wallet.balance(1).confirmedSats() < 50_000_000L) {
            String a = QuarkusTransaction.requiringNew().call(wallet::freshReceiveAddress);
            String b = QuarkusTransaction.requiringNew().call(wallet::freshReceiveAddress);
            String one = node.sendToAddress(a, 60_000_000L);
            String two = node.sendToAddress(b, 40_000_000L);
            RegtestNode.await("payments seen", Duration.ofSeconds(30), () -> wallet.confirmations(one) == 0 && wallet.confirmations(two) == 0);
            node.mine(1);
            RegtestNode.await("payments confirmed", Duration.ofSeconds(30), () -> wallet.confirmations(two) >= 1);
        }
    }

    private static String someone() {
        return new ECKey().toAddress(ScriptType.P2WPKH, org.bitcoinj.base.BitcoinNetwork.REGTEST).toString();
    }

    private PsbtResult.Proposal propose(long satPerVb) {
        PsbtResult r = wallet.buildPsbt(List.of(new PaymentOutput(someone(), 70_000_000L), new PaymentOutput(someone(), 1_234_567L)),
                satPerVb, 1);
        return assertInstanceOf(PsbtResult.Proposal.class, r);
    }

    private static String base64(byte[] psbt) {
        return Base64.getEncoder().encodeToString(psbt);
    }

    @Test
    void shouldAcceptThePsbtElectrumSignedFromTheSeedAndTheNodeMinesIt() {
        PsbtResult.Proposal p = propose(3);
        Psbt read = PsbtReader.read(p.psbt());
        // The wallet is shared with the other tests of this profile: whether one coin covers 71 234 567 sats depends on
        // what they left, so the number of inputs is not asserted; each one must name its key's origin for Electrum.
        assertTrue(read.inputs().size() >= 1);
        read.inputs().forEach(in -> assertEquals(1, in.origins().size(), "every input carries its origin"));
        String fingerprint = HexFormat.of().formatHex(read.inputs().getFirst().origins().getFirst().fingerprint());
        assertEquals(electrum.fingerprint, fingerprint, "the PSBT names the master key Electrum derived from the seed");
        assertEquals(1, read.outputs().get(p.changeVout()).origins().size(), "the change carries its origin");

        String signed = electrum.sign(base64(p.psbt()));
        assertTrue(signed.matches("[0-9a-f]+"), "Electrum returns the complete transaction in hex: " + signed);
        PsbtCheck.Accepted ok = assertInstanceOf(PsbtCheck.Accepted.class,
                wallet.checkSigned(List.of(p.psbt()), List.of(1), signed.getBytes()));
        assertEquals(p.txid(), ok.txid());
        assertEquals(p.feeSats(), ok.feeSats());
        assertTrue(Math.abs(ok.vsize() - p.vsizeEstimate()) <= 2, ok.vsize() + " vs estimate " + p.vsizeEstimate());

        assertEquals(BroadcastResult.Outcome.SENT, wallet.broadcast(ok.raw()).outcome());
        RegtestNode.await("in the mempool", Duration.ofSeconds(30), () -> node.mempool().contains(ok.txid()));
        assertTrue(node.blockTxids(node.mine(1).getFirst()).contains(ok.txid()));
        RegtestNode.await("confirmed", Duration.ofSeconds(30), () -> wallet.confirmations(ok.txid()) == 1);
    }

    @Test
    void shouldAcceptTheSamePsbtSignedAsAPsbtWithPartialSignatures() {
        PsbtResult.Proposal p = propose(2);
        byte[] raw = HexFormat.of().parseHex(electrum.sign(base64(p.psbt())));
        Transaction tx = Transaction.read(ByteBuffer.wrap(raw));
        Psbt proposal = PsbtReader.read(p.psbt());
        List<Psbt.Input> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < proposal.inputs().size(); i++) {
            Psbt.Input in = proposal.inputs().get(i);
            TransactionWitness w = tx.getInput(i).getWitness();
            inputs.add(new Psbt.Input(in.nonWitnessUtxo(), in.witnessUtxo(), List.of(new Psbt.PartialSig(w.getPush(1), w.getPush(0))),
                    null, in.origins(), null, null));
        }
        byte[] partial = PsbtWriter.write(new Psbt(proposal.unsignedTx(), inputs, proposal.outputs()));
        PsbtCheck.Accepted ok = assertInstanceOf(PsbtCheck.Accepted.class, wallet.checkSigned(List.of(p.psbt()), List.of(1), partial));
        assertArrayEquals(raw, ok.raw(), "finalized to the same bytes Electrum finalized");
    }

    @Test
    void shouldRefuseAPsbtSignedForOtherAmountsOrAnotherFee() {
        PsbtResult.Proposal p = propose(2);
        PsbtCheck.Refused amount = assertInstanceOf(PsbtCheck.Refused.class, wallet.checkSigned(List.of(p.psbt()), List.of(1),
                electrum.sign(tampered(p.psbt(), 1, -100_000)).getBytes()));
        assertEquals(PsbtCheck.Reason.OTHER_OUTPUTS, amount.reason(), amount.english());
        assertTrue(amount.english().contains("output 1 pays 1134567 sats"), amount.english());

        PsbtCheck.Refused fee = assertInstanceOf(PsbtCheck.Refused.class, wallet.checkSigned(List.of(p.psbt()), List.of(1),
                electrum.sign(tampered(p.psbt(), p.changeVout(), -50_000)).getBytes()));
        assertEquals(PsbtCheck.Reason.OTHER_FEE, fee.reason(), fee.english());
        assertEquals(List.of(String.valueOf(p.feeSats()), String.valueOf(p.feeSats() + 50_000)), fee.args());
    }

    @Test
    void shouldRefuseTheSignedTransactionOfAnOlderRevision() {
        PsbtResult.Proposal first = propose(2);
        PsbtResult.Proposal second = propose(4);
        String signedFirst = electrum.sign(base64(first.psbt()));
        PsbtCheck.Refused old = assertInstanceOf(PsbtCheck.Refused.class,
                wallet.checkSigned(List.of(first.psbt(), second.psbt()), List.of(1, 2), signedFirst.getBytes()));
        assertEquals(PsbtCheck.Reason.OLD_REVISION, old.reason(), old.english());
        assertEquals(List.of("1", "2"), old.args());
    }

    @Test
    void shouldRefuseASignatureByAKeyThatIsNotTheWallets() {
        PsbtResult.Proposal p = propose(2);
        Psbt proposal = PsbtReader.read(p.psbt());
        Transaction tx = Transaction.read(ByteBuffer.wrap(proposal.unsignedTx()));
        ECKey stranger = new ECKey();
        for (int i = 0; i < tx.getInputs().size(); i++) {
            Coin value = PsbtVerifier.coin(proposal.inputs().get(i).witnessUtxo()).getValue();
            TransactionSignature sig = tx.calculateWitnessSignature(i, stranger, ScriptBuilder.createP2PKHOutputScript(stranger),
                    value, Transaction.SigHash.ALL, false);
            tx.replaceInput(i, tx.getInput(i).withWitness(TransactionWitness.redeemP2WPKH(sig, stranger)));
        }
        PsbtCheck.Refused refused = assertInstanceOf(PsbtCheck.Refused.class,
                wallet.checkSigned(List.of(p.psbt()), List.of(1), HexFormat.of().formatHex(tx.serialize()).getBytes()));
        assertEquals(PsbtCheck.Reason.KEY_NOT_IN_WALLET, refused.reason(), refused.english());
        assertEquals(List.of("0", stranger.getPublicKeyAsHex()), refused.args());
    }

    @Test
    void shouldRefuseAnUnsignedPsbtAndGarbage() {
        PsbtResult.Proposal p = propose(2);
        assertEquals(PsbtCheck.Reason.NOT_SIGNED, assertInstanceOf(PsbtCheck.Refused.class,
                wallet.checkSigned(List.of(p.psbt()), List.of(1), p.psbt())).reason());
        assertEquals(PsbtCheck.Reason.UNREADABLE, assertInstanceOf(PsbtCheck.Refused.class,
                wallet.checkSigned(List.of(p.psbt()), List.of(1), "cHNidP8BAAo=".getBytes())).reason());
    }

    /** The proposal with {@code delta} sats on output {@code vout}, as base64, unsigned: what a tampering wallet would sign. */
    private static String tampered(byte[] psbt, int vout, long delta) {
        Psbt p = PsbtReader.read(psbt);
        Transaction tx = Transaction.read(ByteBuffer.wrap(p.unsignedTx()));
        TransactionOutput out = tx.getOutput(vout);
        tx.replaceOutput(vout, new TransactionOutput(tx, out.getValue().add(Coin.valueOf(delta)), out.getScriptBytes()));
        return base64(PsbtWriter.write(new Psbt(tx.serialize(), p.inputs(), p.outputs())));
    }
}
