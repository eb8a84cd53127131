package org.proxyfund.wallet.psbt;

import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.wallet.DeterministicSeed;
import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.wallet.testing.PythonPsbtSigner;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second independent signer (tools/psbt-sign.py, from the BIP texts, OpenSSL's secp256k1) checked against bitcoinj's
 * script interpreter: its signatures spend two coins of a BIP-84 account at the paths the PSBT names; it signs nothing
 * for another seed's PSBT, for a key path that does not own the coin, or when the previous transaction pays another
 * amount than the witness UTXO claims (the segwit fee attack BIP-174 warns of).
 */
@PlainLane
class PythonPsbtSignerTest {

    private final String mnemonic = DeterministicSeed.ofRandom(new SecureRandom(), 128, "").getMnemonicString();
    private final DeterministicKey master = HDKeyDerivation.createMasterPrivateKey(DeterministicSeed.ofMnemonic(mnemonic, "").getSeedBytes());

    private DeterministicKey key(List<Integer> path) {
        DeterministicKey k = master;
        for (int i : path) {
            k = HDKeyDerivation.deriveChildKey(k, new ChildNumber(i));
        }
        return k;
    }

    private static List<Integer> path(int chain, int index) {
        return List.of(0x80000054, 0x80000001, 0x80000000, chain, index);
    }

    private record Made(Psbt psbt, Transaction tx, List<Transaction> previous) {
    }

    /** Spends one coin at each of {@code paths}; {@code claimed} is what each witness UTXO says the coin holds. */
    private Made psbt(List<List<Integer>> paths, byte[] fingerprint, long claimedDelta) {
        Transaction tx = new Transaction();
        List<Psbt.Input> inputs = new ArrayList<>();
        List<Transaction> previous = new ArrayList<>();
        for (List<Integer> p : paths) {
            DeterministicKey k = key(p);
            Transaction prev = new Transaction();
            prev.addInput(new TransactionInput(prev, new byte[]{1}, new TransactionOutPoint(previous.size(), Sha256Hash.ZERO_HASH), 0L));
            prev.addOutput(Coin.valueOf(30_000), ScriptBuilder.createOutputScript(new ECKey().toAddress(
                    org.bitcoinj.base.ScriptType.P2WPKH, org.bitcoinj.base.BitcoinNetwork.REGTEST)));
            prev.addOutput(Coin.valueOf(250_000 + previous.size()), ScriptBuilder.createP2WPKHOutputScript(k));
            previous.add(prev);
            tx.addInput(new TransactionInput(tx, new byte[0], new TransactionOutPoint(1, prev.getTxId()), 0L));
            byte[] utxo = new org.bitcoinj.core.TransactionOutput(null, Coin.valueOf(250_000 + previous.size() - 1 + claimedDelta),
                    ScriptBuilder.createP2WPKHOutputScript(k).program()).serialize();
            inputs.add(Psbt.Input.unsigned(prev.serialize(), utxo, List.of(new KeyOrigin(k.getPubKey(), fingerprint, p))));
        }
        tx.addOutput(Coin.valueOf(400_000), ScriptBuilder.createP2WPKHOutputScript(new ECKey()));
        tx.addOutput(Coin.valueOf(90_000), ScriptBuilder.createP2WPKHOutputScript(key(path(1, 4))));
        List<Psbt.Output> outputs = List.of(new Psbt.Output(List.of()), new Psbt.Output(List.of()));
        return new Made(new Psbt(tx.serialize(), inputs, outputs), tx, previous);
    }

    private byte[] fingerprint() {
        return Arrays.copyOf(master.getIdentifier(), 4);
    }

    @Test
    void shouldSignEveryInputSoThatBitcoinjsInterpreterAcceptsTheSpend() {
        Made made = psbt(List.of(path(0, 3), path(1, 17)), fingerprint(), 0);
        PythonPsbtSigner.Answer answer = PythonPsbtSigner.sign(mnemonic, PsbtWriter.base64(made.psbt()));
        assertEquals(0, answer.exitCode(), answer.error());
        Psbt signed = PsbtReader.readBase64(answer.psbtBase64());
        Transaction tx = Transaction.read(ByteBuffer.wrap(made.psbt().unsignedTx()));
        for (int i = 0; i < tx.getInputs().size(); i++) {
            List<Psbt.PartialSig> sigs = signed.inputs().get(i).partialSigs();
            assertEquals(1, sigs.size(), "one signature per input");
            assertTrue(Arrays.equals(key(i == 0 ? path(0, 3) : path(1, 17)).getPubKey(), sigs.getFirst().pubkey()));
            assertEquals(1, sigs.getFirst().signature()[sigs.getFirst().signature().length - 1], "SIGHASH_ALL");
            tx.replaceInput(i, tx.getInput(i).withWitness(TransactionWitness.of(sigs.getFirst().signature(), sigs.getFirst().pubkey())));
        }
        for (int i = 0; i < tx.getInputs().size(); i++) {
            Script spent = made.previous().get(i).getOutput(1).getScriptPubKey();
            tx.getInput(i).getScriptSig().correctlySpends(tx, i, tx.getInput(i).getWitness(), made.previous().get(i).getOutput(1).getValue(),
                    spent, Script.ALL_VERIFY_FLAGS);
        }
        // Control: the same witness over another amount (what BIP-143 commits to) does not verify.
        Script spent = made.previous().getFirst().getOutput(1).getScriptPubKey();
        assertThrows(ScriptException.class, () -> tx.getInput(0).getScriptSig().correctlySpends(tx, 0, tx.getInput(0).getWitness(),
                Coin.valueOf(250_001), spent, Script.ALL_VERIFY_FLAGS));
    }

    @Test
    void shouldSignNothingForAnotherSeedsPsbt() {
        byte[] other = {1, 2, 3, 4};
        PythonPsbtSigner.Answer answer = PythonPsbtSigner.sign(mnemonic, PsbtWriter.base64(psbt(List.of(path(0, 1)), other, 0).psbt()));
        assertEquals(2, answer.exitCode());
        assertEquals("", answer.psbtBase64());
        assertTrue(answer.error().contains("signed 0 of 1 inputs"), answer.error());
    }

    @Test
    void shouldSignNothingWhenTheWitnessUtxoClaimsAnotherAmountThanThePreviousTransaction() {
        PythonPsbtSigner.Answer answer = PythonPsbtSigner.sign(mnemonic,
                PsbtWriter.base64(psbt(List.of(path(0, 1)), fingerprint(), -100_000).psbt()));
        assertEquals(2, answer.exitCode());
        assertEquals("", answer.psbtBase64());
        assertTrue(answer.error().contains("pays another amount"), answer.error());
    }

    @Test
    void shouldSignNothingWhenThePathNamedIsNotTheKeyThatOwnsTheCoin() {
        Made made = psbt(List.of(path(0, 1)), fingerprint(), 0);
        Psbt.Input in = made.psbt().inputs().getFirst();
        KeyOrigin wrong = new KeyOrigin(in.origins().getFirst().pubkey(), fingerprint(), path(0, 2));
        Psbt lying = new Psbt(made.psbt().unsignedTx(), List.of(Psbt.Input.unsigned(in.nonWitnessUtxo(), in.witnessUtxo(), List.of(wrong))),
                made.psbt().outputs());
        PythonPsbtSigner.Answer answer = PythonPsbtSigner.sign(mnemonic, PsbtWriter.base64(lying));
        assertEquals(2, answer.exitCode());
        assertTrue(answer.error().contains("does not own the coin"), answer.error());
    }
}
