package org.proxyfund.probe.wireguard;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Known answers for the primitives, from sources independent of this code. The handshake as a whole is checked
 * against a real wireguard-go in {@code WireGuardCheckerTest}; these pin the pieces it is made of.
 */
@PlainLane
class NoiseTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] INPUT = "proxyfund".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldStartFromTheChainingKeyAndHashThatOtherWireGuardImplementationsHardCode() {
        // boringtun, noise/handshake.rs: INITIAL_CHAIN_KEY = HASH(CONSTRUCTION), INITIAL_CHAIN_HASH = HASH(Ci || IDENTIFIER).
        assertEquals("60e26daef327efc02ec335e2a025d2d016eb4206f87277f52d38d1988b78cd36", HEX.formatHex(Noise.initialChainingKey()));
        assertEquals("2211b361081ac566691243db458ad5322d9c6c662293e8b70ee19c65ba079ef3", HEX.formatHex(Noise.initialHash()));
    }

    @Test
    void shouldComputeHmacKdfAndMacAsPythonsHashlibBlake2sDoes() {
        // Expected values from CPython: hmac.new(KEY, INPUT, hashlib.blake2s), the whitepaper's KDF on top of it,
        // and hashlib.blake2s(INPUT, key=KEY, digest_size=16).
        assertEquals("8f51cee6d57a9827a071febc560da4f5dd1d771ba62a262aedb8278a285d2f1f", HEX.formatHex(Noise.hmac(KEY, INPUT)));
        byte[][] kdf = Noise.kdf(3, KEY, INPUT);
        assertEquals("171d2087ef0e2720d78a7030ad379df597cba611800d0eac2ac65420443e2cbf", HEX.formatHex(kdf[0]));
        assertEquals("3ead60eaef6e40d13b6b243e71920ad9311a9f32dd060b310c424870aa6093d8", HEX.formatHex(kdf[1]));
        assertEquals("b43b6bdc58cd1a8d4a2d9b916d82b1ece24ea34c8d33f380ae93a4de6b9bce9a", HEX.formatHex(kdf[2]));
        assertEquals("7dcb52265548d8cd16dceeff4cfa4643", HEX.formatHex(Noise.mac(KEY, INPUT, INPUT.length)));
    }

    @Test
    void shouldDeriveTheHChaCha20SubkeyOfTheXChaChaDraft() {
        // draft-irtf-cfrg-xchacha-03, section 2.2.1.
        byte[] nonce = HEX.parseHex("000000090000004a0000000031415927");
        assertEquals("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc",
                HEX.formatHex(XChaCha20Poly1305.hchacha20(KEY, nonce)));
    }

    @Test
    void shouldWriteTai64nTimestampsAsWireGuardImplementationsDo() {
        // TAI64 label 2^62 + 10 + Unix seconds, then nanoseconds, both big-endian (wireguard-go's tai64n package).
        assertArrayEquals(HEX.parseHex("400000000000000b000001f4"), Initiation.tai64n(Instant.ofEpochSecond(1, 500)));
    }

    @Test
    void shouldRefuseALowOrderServerKeyInsteadOfDerivingFromAZeroSecret() {
        byte[] lowOrder = new byte[32];
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Initiation.create(KEY, lowOrder, KEY, 1, Instant.now(), null));
    }
}
