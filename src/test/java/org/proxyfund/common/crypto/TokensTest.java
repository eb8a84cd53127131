package org.proxyfund.common.crypto;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.csv.CsvWriter;
import org.proxyfund.common.testing.PlainLane;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public identifiers survive a CSV export and a command line unchanged; secrets compare in constant time. */
@PlainLane
class TokensTest {

    @Test
    void shouldStartEveryPublicIdWithALetterOrDigitSoTheCsvExportCarriesItUnchanged() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = Tokens.publicId(16);
            assertEquals(22, id.length(), id);
            assertTrue(Character.isLetterOrDigit(id.charAt(0)), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
            assertEquals(id + "\r\n", new CsvWriter().row(id).toString(), "exported as itself: " + id);
            assertTrue(seen.add(id), "no repeats");
        }
    }

    @Test
    void shouldCompareSecretsAndNeverMatchNull() {
        String t = Tokens.random();
        assertTrue(Tokens.sameSecret(t, new String(t)));
        assertEquals(false, Tokens.sameSecret(t, null));
        assertEquals(false, Tokens.sameSecret(t, Tokens.random()));
    }
}
