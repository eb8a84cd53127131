package org.proxyfund.wallet.address;

import jakarta.enterprise.context.ApplicationScoped;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Bech32;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.SegwitAddress;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.BitcoinNetwork;
import org.proxyfund.wallet.address.AddressCheck.Error;

import java.util.Locale;

/** Validates payout addresses for the configured network with messages that say what is wrong (typo, network, type). */
@ApplicationScoped
public class PayoutAddressValidator {

    static final int MAX_LENGTH = 100;
    private static final String BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private final BitcoinNetwork network;

    public PayoutAddressValidator(BitcoinConfig config) {
        this.network = config.network();
    }

    /** Checks one address. */
    public AddressCheck validate(String text) {
        Parsed parsed = parse(text);
        return parsed.check();
    }

    /** The network addresses are checked against. */
    public BitcoinNetwork network() {
        return network;
    }

    /** An address check plus, when valid, bitcoinj's address object (for the proof verifier in this package). */
    record Parsed(AddressCheck check, Address address) {
    }

    Parsed parse(String text) {
        if (text == null || text.isBlank()) return fail(Error.MALFORMED, "Enter a bitcoin address.");
        String s = text.trim();
        if (s.length() > MAX_LENGTH) return fail(Error.MALFORMED, "That is too long for a bitcoin address.");
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bc1") || lower.startsWith("tb1") || lower.startsWith("bcrt1")) return parseSegwit(s);
        if (lower.startsWith("rb1")) {
            return fail(Error.WRONG_NETWORK, "That is a bcoin regtest address (rb1…); Bitcoin Core's regtest addresses start with bcrt1.");
        }
        return parseBase58(s);
    }

    private Parsed parseSegwit(String s) {
        Bech32.Bech32Data data;
        try {
            data = Bech32.decode(s);
        } catch (AddressFormatException.InvalidChecksum e) {
            return fail(Error.BAD_CHECKSUM, "The address's checksum does not match: check it for a typo.");
        } catch (AddressFormatException e) {
            return fail(Error.MALFORMED, "That is not a valid bech32 address (" + detail(e) + ").");
        }
        String expectedHrp = network.bitcoinj().segwitAddressHrp();
        if (!data.hrp.equals(expectedHrp)) {
            return fail(Error.WRONG_NETWORK, "That is a " + networkOfHrp(data.hrp) + " address (" + data.hrp
                    + "1…), but this service pays on " + networkName() + " (" + expectedHrp + "1…).");
        }
        SegwitAddress address;
        try {
            address = SegwitAddress.fromBech32(s, network.bitcoinj());
        } catch (AddressFormatException.UnexpectedWitnessVersion e) {
            return fail(Error.BAD_CHECKSUM, data.encoding == Bech32.Encoding.BECH32
                    ? "The address uses the bech32 checksum, but a witness version 1+ (taproot) address needs bech32m: a wallet bug or a typo."
                    : "The address uses the bech32m checksum, but a witness version 0 address needs bech32: a wallet bug or a typo.");
        } catch (AddressFormatException e) {
            int separator = s.lastIndexOf('1');
            int declared = BECH32_CHARSET.indexOf(Character.toLowerCase(s.charAt(separator + 1)));
            int programBytes = (s.length() - separator - 1 - 1 - 6) * 5 / 8;
            if (declared >= 1 && declared <= 16 && programBytes >= 2 && programBytes <= 40
                    && e instanceof AddressFormatException.InvalidDataLength) {
                return fail(Error.UNSUPPORTED, "Witness version " + declared
                        + " with this program length is not a standard address type yet; use a bc1q… or bc1p… address.");
            }
            return fail(Error.MALFORMED, "That is not a valid segwit address (" + detail(e) + ").");
        }
        int version = address.getWitnessVersion();
        int length = address.getWitnessProgram().length;
        AddressType type;
        if (version == 0 && length == 20) type = AddressType.P2WPKH;
        else if (version == 0 && length == 32) type = AddressType.P2WSH;
        else if (version == 0) return fail(Error.MALFORMED, "A witness version 0 address needs a 20- or 32-byte program, not " + length + ".");
        else if (version == 1 && length == 32) type = AddressType.P2TR;
        else return fail(Error.UNSUPPORTED, "Witness version " + version + " with a " + length
                    + "-byte program is not a standard address type yet; use a bc1q… or bc1p… address.");
        return new Parsed(AddressCheck.valid(type, address.toBech32()), address);
    }

    private Parsed parseBase58(String s) {
        byte[] decoded;
        try {
            decoded = Base58.decodeChecked(s);
        } catch (AddressFormatException.InvalidChecksum e) {
            return fail(Error.BAD_CHECKSUM, "The address's checksum does not match: check it for a typo.");
        } catch (AddressFormatException e) {
            return fail(Error.MALFORMED, "That is not a bitcoin address (" + detail(e) + ").");
        }
        int version = decoded.length == 0 ? -1 : decoded[0] & 0xff;
        if ((version == 0x80 || version == 0xef) && (decoded.length == 33 || decoded.length == 34)) {
            return fail(Error.PRIVATE_KEY, "That is a PRIVATE KEY, not an address: never share it with anyone. Move your coins to a new wallet and enter an address.");
        }
        if (decoded.length != 21) return fail(Error.MALFORMED, "That is not a bitcoin address (wrong length).");
        boolean mainnetVersion = version == 0 || version == 5;
        boolean testVersion = version == 111 || version == 196;
        if (!mainnetVersion && !testVersion) {
            return fail(Error.MALFORMED, "That is not a bitcoin address (version byte " + version + "; another coin?).");
        }
        boolean wantMainnet = network == BitcoinNetwork.MAINNET;
        if (mainnetVersion != wantMainnet) {
            return fail(Error.WRONG_NETWORK, "That is a " + (mainnetVersion ? "mainnet" : "testnet, signet or regtest")
                    + " address, but this service pays on " + networkName() + ".");
        }
        LegacyAddress address = LegacyAddress.fromBase58(s, network.bitcoinj());
        return new Parsed(AddressCheck.valid(address.p2sh ? AddressType.P2SH : AddressType.P2PKH, address.toBase58()), address);
    }

    private String networkName() {
        return network.name().toLowerCase(Locale.ROOT);
    }

    private static String networkOfHrp(String hrp) {
        return switch (hrp) {
            case "bc" -> "mainnet";
            case "tb" -> "testnet or signet";
            case "bcrt" -> "regtest";
            default -> "non-bitcoin (" + hrp + ")";
        };
    }

    private static String detail(AddressFormatException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Parsed fail(Error error, String message) {
        return new Parsed(AddressCheck.invalid(error, message), null);
    }
}
