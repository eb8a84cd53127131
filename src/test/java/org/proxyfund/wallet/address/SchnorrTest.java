package org.proxyfund.wallet.address;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** BIP-340 verification against the BIP's own test-vectors.csv (bitcoin/bips, bip-0340/test-vectors.csv, 19 vectors). */
@PlainLane
class SchnorrTest {

    @Test
    void shouldAgreeWithEveryOfficialBip340Vector() throws IOException {
        List<String> lines;
        try (InputStream in = SchnorrTest.class.getResourceAsStream("bip340-test-vectors.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).toList();
        }
        assertEquals(19, lines.size());
        HexFormat hex = HexFormat.of();
        int accepted = 0;
        for (String line : lines) {
            String[] f = line.split(",", -1);
            boolean expected = f[6].equals("TRUE");
            boolean actual = Schnorr.verify(hex.parseHex(f[2]), hex.parseHex(f[4]), hex.parseHex(f[5]));
            assertEquals(expected, actual, "vector " + f[0] + " " + f[7]);
            if (actual) accepted++;
        }
        assertEquals(lines.stream().filter(l -> l.contains(",TRUE,")).count(), accepted);
    }
}
