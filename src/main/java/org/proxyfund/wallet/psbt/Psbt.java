package org.proxyfund.wallet.psbt;

import java.util.List;

/**
 * A partially signed bitcoin transaction (BIP-174, version 0), as far as this service writes and reads it: the unsigned
 * transaction, and per input the coin it spends (witness UTXO, optionally the whole previous transaction), the key
 * origins, partial signatures and final scripts; per output the key origins of change. Other fields are skipped
 * when read and never written. Immutable; byte arrays are not copied (treat them as read-only).
 *
 * @param unsignedTx the transaction in the non-witness serialization with empty scriptSigs
 * @param inputs     one per input of {@code unsignedTx}, in order
 * @param outputs    one per output of {@code unsignedTx}, in order
 */
public record Psbt(byte[] unsignedTx, List<Input> inputs, List<Output> outputs) {

    static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};

    public Psbt {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * One input's map.
     *
     * @param nonWitnessUtxo  the full previous transaction (PSBT_IN_NON_WITNESS_UTXO), or null
     * @param witnessUtxo     the spent output, amount and script (PSBT_IN_WITNESS_UTXO), or null
     * @param partialSigs     signatures by public key (PSBT_IN_PARTIAL_SIG)
     * @param sighashType     PSBT_IN_SIGHASH_TYPE, or null
     * @param origins         BIP-32 derivations of the keys that can sign (PSBT_IN_BIP32_DERIVATION)
     * @param finalScriptSig  PSBT_IN_FINAL_SCRIPTSIG, or null
     * @param finalWitness    PSBT_IN_FINAL_SCRIPTWITNESS stack items, or null
     */
    public record Input(byte[] nonWitnessUtxo, byte[] witnessUtxo, List<PartialSig> partialSigs, Long sighashType,
                        List<KeyOrigin> origins, byte[] finalScriptSig, List<byte[]> finalWitness) {
        public Input {
            partialSigs = List.copyOf(partialSigs);
            origins = List.copyOf(origins);
            finalWitness = finalWitness == null ? null : List.copyOf(finalWitness);
        }

        /** An input of a PSBT to be signed: the coin it spends and who can sign it, nothing signed yet. */
        public static Input unsigned(byte[] nonWitnessUtxo, byte[] witnessUtxo, List<KeyOrigin> origins) {
            return new Input(nonWitnessUtxo, witnessUtxo, List.of(), null, origins, null, null);
        }
    }

    /** One output's map: BIP-32 derivations of its keys, present when the output is the wallet's own change. */
    public record Output(List<KeyOrigin> origins) {
        public Output {
            origins = List.copyOf(origins);
        }
    }

    /** A signature (DER plus the sighash byte) by {@code pubkey}. */
    public record PartialSig(byte[] pubkey, byte[] signature) {
    }
}
