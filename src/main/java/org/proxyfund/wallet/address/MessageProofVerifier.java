package org.proxyfund.wallet.address;

import jakarta.enterprise.context.ApplicationScoped;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.utils.MessageVerifyUtils;
import org.proxyfund.wallet.address.AddressCheck.Error;
import org.proxyfund.wallet.address.ProofResult.Format;
import org.proxyfund.wallet.address.ProofResult.Reason;

import java.security.SignatureException;
import java.util.Base64;

/**
 * Verifies that a signed message proves control of a payout address. Accepts the "Bitcoin Signed Message" format
 * (BIP-137 and Electrum headers) for P2PKH, P2SH-P2WPKH and P2WPKH, and BIP-322 "simple" signatures (with or without
 * the "smp" prefix) for P2WPKH and single-key P2TR (BIP-340 Schnorr). P2WSH proofs are refused with a message saying so.
 */
@ApplicationScoped
public class MessageProofVerifier {

    static final int MAX_SIGNATURE_LENGTH = 2048;
    private final PayoutAddressValidator addresses;

    public MessageProofVerifier(PayoutAddressValidator addresses) {
        this.addresses = addresses;
    }

    /** Checks that signatureBase64 signs message with the key behind address. */
    public ProofResult verify(String address, String message, String signatureBase64) {
        PayoutAddressValidator.Parsed parsed = addresses.parse(address);
        if (!parsed.check().valid()) {
            Reason reason = parsed.check().error() == Error.WRONG_NETWORK ? Reason.WRONG_NETWORK : Reason.MALFORMED_ADDRESS;
            return ProofResult.invalid(reason, parsed.check().message());
        }
        if (message == null) return ProofResult.invalid(Reason.MALFORMED_SIGNATURE, "There is no message to verify.");
        String text = signatureBase64 == null ? "" : signatureBase64.trim();
        if (text.startsWith("ful") || text.startsWith("pof")) {
            return ProofResult.invalid(Reason.MALFORMED_SIGNATURE,
                    "BIP-322 \"full\" and proof-of-funds signatures are not accepted: sign with the simple format.");
        }
        if (text.startsWith("smp")) text = text.substring(3);
        byte[] signature = decode(text);
        if (signature == null) {
            return ProofResult.invalid(Reason.MALFORMED_SIGNATURE, "The signature is not base64 text as wallets print it.");
        }
        AddressType type = parsed.check().type();
        if (type == AddressType.P2WSH) {
            return ProofResult.invalid(Reason.UNSUPPORTED_ADDRESS_TYPE,
                    "Signed-message proofs for P2WSH (script, multisig) addresses are not supported: use a single-key address.");
        }
        boolean legacyShape = signature.length == 65 && (signature[0] & 0xff) >= 27 && (signature[0] & 0xff) <= 42;
        if (type == AddressType.P2TR) {
            if (legacyShape) {
                return ProofResult.invalid(Reason.UNSUPPORTED_ADDRESS_TYPE,
                        "Taproot (bc1p…) addresses cannot make \"Bitcoin Signed Message\" signatures: sign with BIP-322 instead.");
            }
            return Bip322Verifier.verifyP2tr((SegwitAddress) parsed.address(), message, signature);
        }
        if (legacyShape) return verifyLegacy(parsed.address(), type, message, text, signature[0] & 0xff);
        if (type == AddressType.P2WPKH) return Bip322Verifier.verifyP2wpkh((SegwitAddress) parsed.address(), message, signature);
        return ProofResult.invalid(Reason.MALFORMED_SIGNATURE, type == AddressType.P2PKH
                ? "A 1… address signs with a 65-byte \"Bitcoin Signed Message\" signature; this is not one."
                : "A 3… address signs with a 65-byte \"Bitcoin Signed Message\" signature (P2SH-P2WPKH); this is not one.");
    }

    private static ProofResult verifyLegacy(Address address, AddressType type, String message, String signature, int header) {
        try {
            ECKey.signedMessageToKey(message, signature);
        } catch (SignatureException e) {
            return ProofResult.invalid(Reason.MALFORMED_SIGNATURE, "The signature is malformed: " + e.getMessage() + ".");
        }
        try {
            MessageVerifyUtils.verifyMessage(address, message, signature);
        } catch (SignatureException e) {
            String hint = type == AddressType.P2SH ? " (3… addresses are checked as P2SH-P2WPKH, the single-key wrapped segwit kind)" : "";
            return ProofResult.invalid(Reason.WRONG_KEY,
                    "The signature was not made with the key of this address over this message" + hint + ".");
        }
        boolean electrumHeader = type != AddressType.P2PKH && header >= 27 && header <= 34;
        return ProofResult.valid(electrumHeader ? Format.ELECTRUM : Format.BIP137);
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank() || base64.length() > MAX_SIGNATURE_LENGTH) return null;
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
