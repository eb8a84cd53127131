package org.proxyfund.wallet.address;

import org.bitcoinj.base.Coin;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.crypto.internal.CryptoUtils;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.proxyfund.wallet.BitcoinNetwork;

import java.util.Base64;

/** Test helper: signs proofs the way wallets do, to build inputs for the verifier (never used by the service). */
final class ProofSigner {

    private ProofSigner() {
    }

    /** The P2SH-P2WPKH (3…/2…) address of a key. */
    static String p2shP2wpkhAddress(ECKey key, BitcoinNetwork network) {
        byte[] redeem = ScriptBuilder.createP2WPKHOutputScript(key).program();
        return LegacyAddress.fromScriptHash(network.bitcoinj(), CryptoUtils.sha256hash160(redeem)).toString();
    }

    /** A BIP-322 simple signature for a P2WPKH address, built over the same virtual transactions as the BIP. */
    static String bip322(ECKey key, BitcoinNetwork network, String message) {
        Script scriptPubKey = ScriptBuilder.createOutputScript(key.toAddress(ScriptType.P2WPKH, network.bitcoinj()));
        Transaction toSpend = Bip322Verifier.toSpend(message, scriptPubKey);
        Transaction toSign = Bip322Verifier.toSign(toSpend, TransactionWitness.EMPTY);
        Script scriptCode = ScriptBuilder.createP2PKHOutputScript(key);
        TransactionSignature sig = toSign.calculateWitnessSignature(0, key, scriptCode, Coin.ZERO, Transaction.SigHash.ALL, false);
        TransactionWitness witness = TransactionWitness.redeemP2WPKH(sig, key);
        return Base64.getEncoder().encodeToString(witness.serialize());
    }
}
