package org.proxyfund.wallet;

import org.bitcoinj.base.Network;
import org.bitcoinj.base.internal.ByteUtils;
import org.bitcoinj.core.ProtocolException;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.internal.CryptoUtils;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.script.ScriptPattern;
import org.proxyfund.wallet.PsbtCheck.Reason;
import org.proxyfund.wallet.PsbtCheck.Refused;
import org.proxyfund.wallet.psbt.Psbt;
import org.proxyfund.wallet.psbt.PsbtFormatException;
import org.proxyfund.wallet.psbt.PsbtReader;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a signed upload (a PSBT, binary or base64, or the signed transaction in hex, which is what Electrum's command
 * line returns once complete) against the PSBTs the service proposed for one batch: it must be exactly the current
 * proposal's transaction, every input signed (SIGHASH_ALL) by the wallet's key for that coin, every signature valid
 * (bitcoinj's script interpreter, BIP-143). Then it is finalized: the proposal's transaction with the witnesses.
 */
final class PsbtVerifier {

    private PsbtVerifier() {
    }

    /** An upload reduced to its transaction without witnesses and one witness per input (null: unsigned). */
    private record Upload(Transaction unsigned, List<TransactionWitness> witnesses) {
    }

    /**
     * @param proposals the batch's PSBTs, oldest first; the last one is current
     * @param revisions the revision number of each of {@code proposals}
     */
    static PsbtCheck check(Network network, List<byte[]> proposals, List<Integer> revisions, byte[] upload) {
        Upload up;
        try {
            up = read(upload);
        } catch (PsbtFormatException | ProtocolException | BufferUnderflowException | IllegalArgumentException e) {
            return refuse(Reason.UNREADABLE, "not a PSBT or a signed transaction: " + e.getMessage(), String.valueOf(e.getMessage()));
        }
        Psbt current = PsbtReader.read(proposals.getLast());
        Transaction proposed = Transaction.read(ByteBuffer.wrap(current.unsignedTx()));
        byte[] uploaded = up.unsigned().serialize();
        if (!Arrays.equals(uploaded, current.unsignedTx())) {
            for (int i = 0; i < proposals.size() - 1; i++) {
                if (Arrays.equals(uploaded, PsbtReader.read(proposals.get(i)).unsignedTx())) {
                    return refuse(Reason.OLD_REVISION, "this is the transaction of revision " + revisions.get(i)
                            + " of the PSBT; the current one is revision " + revisions.getLast(),
                            String.valueOf(revisions.get(i)), String.valueOf(revisions.getLast()));
                }
            }
            return difference(network, current, proposed, up.unsigned());
        }
        Transaction done = Transaction.read(ByteBuffer.wrap(current.unsignedTx()));
        List<TransactionOutput> spent = new ArrayList<>();
        for (int i = 0; i < proposed.getInputs().size(); i++) {
            TransactionOutput coin = coin(current.inputs().get(i).witnessUtxo());
            spent.add(coin);
            TransactionWitness w = up.witnesses().get(i);
            if (w == null || w.getPushCount() == 0) {
                return refuse(Reason.NOT_SIGNED, "input " + i + " is not signed", String.valueOf(i));
            }
            done.replaceInput(i, done.getInput(i).withWitness(w));
        }
        for (int i = 0; i < spent.size(); i++) {
            Refused bad = verifyInput(done, i, spent.get(i));
            if (bad != null) {
                return bad;
            }
        }
        long in = spent.stream().mapToLong(o -> o.getValue().value).sum();
        long out = done.getOutputs().stream().mapToLong(o -> o.getValue().value).sum();
        return new PsbtCheck.Accepted(done.getTxId().toString(), done.serialize(), in - out, done.getVsize());
    }

    private static Refused verifyInput(Transaction tx, int i, TransactionOutput coin) {
        Script script = coin.getScriptPubKey();
        TransactionWitness w = tx.getInput(i).getWitness();
        if (!ScriptPattern.isP2WPKH(script) || w.getPushCount() != 2) {
            return refuse(Reason.BAD_SIGNATURE, "input " + i + " does not carry a P2WPKH signature and key", String.valueOf(i), "witness");
        }
        byte[] sig = w.getPush(0);
        byte[] key = w.getPush(1);
        if (!Arrays.equals(CryptoUtils.sha256hash160(key), ScriptPattern.extractHashFromP2WH(script))) {
            return refuse(Reason.KEY_NOT_IN_WALLET, "input " + i + " is signed by key " + HexFormat.of().formatHex(key)
                    + ", which is not the wallet's key for that coin", String.valueOf(i), HexFormat.of().formatHex(key));
        }
        if (sig.length == 0 || (sig[sig.length - 1] & 0xff) != Transaction.SigHash.ALL.value) {
            return refuse(Reason.BAD_SIGNATURE, "input " + i + " is not signed with SIGHASH_ALL", String.valueOf(i), "sighash");
        }
        try {
            script.correctlySpends(tx, i, w, coin.getValue(), script, Script.ALL_VERIFY_FLAGS);
        } catch (ScriptException e) {
            return refuse(Reason.BAD_SIGNATURE, "the signature of input " + i + " does not verify: " + e.getMessage(),
                    String.valueOf(i), String.valueOf(e.getError()));
        }
        return null;
    }

    private static Upload read(byte[] data) {
        if (PsbtReader.isPsbt(data)) {
            return fromPsbt(PsbtReader.read(data));
        }
        String text = new String(data, java.nio.charset.StandardCharsets.US_ASCII).strip();
        if (text.startsWith("cHNidP")) {
            return fromPsbt(PsbtReader.readBase64(text));
        }
        if (!text.matches("(?i)[0-9a-f]+") || text.length() % 2 != 0) {
            throw new IllegalArgumentException("neither base64 of a PSBT nor a transaction in hex");
        }
        Transaction signed = Transaction.read(ByteBuffer.wrap(ByteUtils.parseHex(text.toLowerCase(java.util.Locale.ROOT))));
        List<TransactionWitness> witnesses = new ArrayList<>();
        for (int i = 0; i < signed.getInputs().size(); i++) {
            TransactionInput input = signed.getInput(i);
            witnesses.add(input.hasWitness() ? input.getWitness() : null);
            signed.replaceInput(i, input.withoutWitness());
        }
        return new Upload(signed, witnesses);
    }

    private static Upload fromPsbt(Psbt psbt) {
        List<TransactionWitness> witnesses = new ArrayList<>();
        for (Psbt.Input in : psbt.inputs()) {
            if (in.finalWitness() != null) {
                witnesses.add(TransactionWitness.of(in.finalWitness()));
            } else if (in.partialSigs().size() == 1) {
                Psbt.PartialSig s = in.partialSigs().getFirst();
                witnesses.add(TransactionWitness.of(s.signature(), s.pubkey()));
            } else {
                witnesses.add(null);
            }
        }
        return new Upload(Transaction.read(ByteBuffer.wrap(psbt.unsignedTx())), witnesses);
    }

    /** Says what differs between the proposed and the uploaded transaction, most telling difference first. */
    private static Refused difference(Network network, Psbt current, Transaction proposed, Transaction uploaded) {
        List<String> want = proposed.getInputs().stream().map(i -> i.getOutpoint().toString()).sorted().toList();
        List<String> got = uploaded.getInputs().stream().map(i -> i.getOutpoint().toString()).sorted().toList();
        if (!want.equals(got)) {
            return refuse(Reason.OTHER_INPUTS, "it spends other coins than the proposed transaction");
        }
        if (proposed.getOutputs().size() != uploaded.getOutputs().size()) {
            return refuse(Reason.OTHER_OUTPUT_COUNT, "it has " + uploaded.getOutputs().size() + " outputs; the proposed transaction has "
                    + proposed.getOutputs().size(), String.valueOf(proposed.getOutputs().size()), String.valueOf(uploaded.getOutputs().size()));
        }
        int change = -1;
        for (int i = 0; i < current.outputs().size(); i++) {
            if (!current.outputs().get(i).origins().isEmpty()) {
                change = i;
            }
        }
        boolean onlyChangeAmount = false;
        for (int i = 0; i < proposed.getOutputs().size(); i++) {
            TransactionOutput p = proposed.getOutput(i);
            TransactionOutput u = uploaded.getOutput(i);
            boolean sameScript = Arrays.equals(p.getScriptBytes(), u.getScriptBytes());
            if (sameScript && p.getValue().equals(u.getValue())) {
                continue;
            }
            if (i == change && sameScript) {
                onlyChangeAmount = true;
                continue;
            }
            return refuse(Reason.OTHER_OUTPUTS, "output " + i + " pays " + u.getValue().value + " sats to " + address(network, u)
                            + "; the proposed transaction pays " + p.getValue().value + " sats to " + address(network, p),
                    String.valueOf(i), address(network, p), String.valueOf(p.getValue().value), address(network, u),
                    String.valueOf(u.getValue().value));
        }
        if (onlyChangeAmount) {
            long proposedOut = proposed.getOutputs().stream().mapToLong(o -> o.getValue().value).sum();
            long uploadedOut = uploaded.getOutputs().stream().mapToLong(o -> o.getValue().value).sum();
            long in = 0;
            for (Psbt.Input input : current.inputs()) {
                in += coin(input.witnessUtxo()).getValue().value;
            }
            return refuse(Reason.OTHER_FEE, "its fee is " + (in - uploadedOut) + " sats; the proposed fee is " + (in - proposedOut)
                    + " sats", String.valueOf(in - proposedOut), String.valueOf(in - uploadedOut));
        }
        return refuse(Reason.OTHER_TRANSACTION, "its version, lock time, input order or sequences differ from the proposed transaction");
    }

    /** The spent output a PSBT input names (its witness UTXO: amount and script). */
    static TransactionOutput coin(byte[] witnessUtxo) {
        return TransactionOutput.read(ByteBuffer.wrap(witnessUtxo), new Transaction());
    }

    private static String address(Network network, TransactionOutput o) {
        try {
            return o.getScriptPubKey().getToAddress(network).toString();
        } catch (ScriptException | IllegalArgumentException e) {
            return HexFormat.of().formatHex(o.getScriptBytes());
        }
    }

    private static Refused refuse(Reason reason, String english, String... args) {
        return new Refused(reason, List.of(args), english);
    }
}
