package org.proxyfund.wallet.address;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.proxyfund.wallet.BitcoinNetwork;
import org.proxyfund.wallet.address.AddressCheck.Error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Address validation per network with BIP-173/BIP-350 vectors and the messages operators see. */
@PlainLane
class PayoutAddressValidatorTest {

    static PayoutAddressValidator on(BitcoinNetwork network) {
        return new PayoutAddressValidator(() -> network);
    }

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource({
            "MAINNET, P2PKH, 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "MAINNET, P2SH, 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "MAINNET, P2WPKH, BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "MAINNET, P2WSH, bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
            "MAINNET, P2TR, bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "TESTNET, P2WSH, tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
            "TESTNET, P2WSH, tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
            "TESTNET, P2TR, tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
            "TESTNET, P2PKH, mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn",
            "TESTNET, P2SH, 2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc",
            "SIGNET, P2WPKH, tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",
            "REGTEST, P2WPKH, bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080",
            "REGTEST, P2PKH, mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn"
    })
    void shouldAcceptEveryTypeOnItsNetwork(BitcoinNetwork network, AddressType type, String address) {
        AddressCheck check = on(network).validate(address);
        assertTrue(check.valid(), check::message);
        assertEquals(type, check.type());
        assertEquals(address.startsWith("BC1") ? address.toLowerCase() : address, check.normalized());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
            "REGTEST|bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4|mainnet",
            "MAINNET|tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx|testnet or signet",
            "MAINNET|bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080|regtest",
            "REGTEST|tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx|testnet or signet",
            "SIGNET|bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080|regtest",
            "MAINNET|mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn|testnet, signet or regtest",
            "TESTNET|1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2|mainnet",
            "REGTEST|3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy|mainnet"})
    void shouldSayWhichNetworkAWrongNetworkAddressIsFor(BitcoinNetwork network, String address, String named) {
        AddressCheck check = on(network).validate(address);
        assertEquals(Error.WRONG_NETWORK, check.error());
        assertEquals("address.wrong-network", check.code());
        assertTrue(check.message().contains("a " + named + " address"), check.message());
        assertTrue(check.message().contains(network.name().toLowerCase()), check.message());
    }

    @Test
    void shouldExplainBcoinsRegtestPrefix() {
        AddressCheck check = on(BitcoinNetwork.REGTEST).validate("rb1qw508d6qejxtdg4y5r3zarvary0c5xw7kzv4aqd");
        assertEquals(Error.WRONG_NETWORK, check.error());
        assertTrue(check.message().contains("bcrt1"), check.message());
    }

    @ParameterizedTest
    @CsvSource({
            // BIP-350: a v1+ program with the bech32 (not bech32m) checksum, and v0 with bech32m
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd, bech32m",
            "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL, bech32m",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh, bech32"
    })
    void shouldCallABech32Bech32mMixUpAChecksumProblem(String address, String needed) {
        AddressCheck check = on(BitcoinNetwork.MAINNET).validate(address);
        assertEquals(Error.BAD_CHECKSUM, check.error(), check.message());
        assertTrue(check.message().contains("needs " + needed), check.message());
    }

    @ParameterizedTest
    @CsvSource({
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5, BAD_CHECKSUM",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3, BAD_CHECKSUM",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs, UNSUPPORTED",
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y, UNSUPPORTED",
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P, MALFORMED",
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3X, MALFORMED",
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7, MALFORMED",
            "bc1gmk9yu, MALFORMED",
            "LVuDpNCSSj6pQ7t9Pv6d6sUkLKoqDEVUnJ, MALFORMED",
            "hello world, MALFORMED",
            "0x52908400098527886E0F7030069857D2E4169EE7, MALFORMED"
    })
    void shouldNameTheProblemWithABrokenAddress(String address, Error error) {
        AddressCheck check = on(BitcoinNetwork.MAINNET).validate(address);
        assertFalse(check.valid());
        assertEquals(error, check.error(), check.message());
        assertFalse(check.message().isBlank());
    }

    @Test
    void shouldWarnLoudlyWhenAPrivateKeyIsPasted() {
        AddressCheck check = on(BitcoinNetwork.MAINNET).validate("L3VFeEujGtevx9w18HD1fhRbCH67Az2dpCymeRE1SoPK6XQtaN2k");
        assertEquals(Error.PRIVATE_KEY, check.error());
        assertTrue(check.message().contains("PRIVATE KEY"));
        assertEquals(Error.MALFORMED, on(BitcoinNetwork.MAINNET).validate("").error());
        assertEquals(Error.MALFORMED, on(BitcoinNetwork.MAINNET).validate("1".repeat(101)).error());
    }
}
