package org.proxyfund.probe.mtproto;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The key-exchange helpers against published values and vectors computed outside this code. */
@PlainLane
class KeyExchangeHelpersTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shouldComputeThePublishedFingerprintOfTelegramsProductionKey() {
        TelegramRsaKey key = TelegramRsaKey.fromPkcs1("""
                -----BEGIN RSA PUBLIC KEY-----
                MIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g
                5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO
                62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/
                +aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9
                t6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs
                5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB
                -----END RSA PUBLIC KEY-----
                """);
        assertEquals(0xd09d1d85de64fd85L, key.fingerprint());
        assertEquals(TestDhResponder.fingerprint(), TelegramRsaKey.fromPkcs1(TestDhResponder.publicKeyBase64()).fingerprint());
    }

    @Test
    void shouldSplitTheDocumentedPq() {
        // core.telegram.org's worked example: pq = 0x17ED48941A08F981 = 0x494C553B * 0x53911073
        BigInteger p = PqFactor.smallerFactor(new BigInteger("17ED48941A08F981", 16), new SplittableRandom(1));
        assertEquals(new BigInteger("494C553B", 16), p);
        assertNull(PqFactor.smallerFactor(BigInteger.ONE.shiftLeft(70), new SplittableRandom(1)), "not a 63-bit pq");
    }

    @Test
    void shouldSplitProductsOfTwo31BitPrimesFast() {
        java.util.Random random = new java.util.Random(42);
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            BigInteger p = BigInteger.probablePrime(31, random);
            BigInteger q = BigInteger.probablePrime(31, random);
            assertEquals(p.min(q), PqFactor.smallerFactor(p.multiply(q), new SplittableRandom(i)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Pollard's rho needs milliseconds for all 50; trial division up to 2^31 would need minutes for each. The bound
        // tells the two apart with room for a loaded 2-core CI machine.
        org.junit.jupiter.api.Assertions.assertTrue(millis < 60_000, "50 factorisations took " + millis + " ms");
    }

    @Test
    void shouldMatchTheAesIgeVectorAndDecryptItBack() {
        // OpenSSL's IGE test vector (AES-128), recomputed here with Python and `openssl enc -aes-128-ecb` per block.
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] cipherText = AesIge.encrypt(new byte[32], key, iv);
        assertEquals("1a8519a6557be652e9da8e43da4ef4453cf456b4ca488aa383c79c98b34797cb", HEX.formatHex(cipherText));
        assertArrayEquals(new byte[32], AesIge.decrypt(cipherText, key, iv));
    }
}
