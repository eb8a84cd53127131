package org.proxyfund.architecture;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The literal reader that TableOwnershipTest relies on sees SQL however it is written, and nothing else. */
@PlainLane
class JavaStringsTest {

    @Test
    void shouldJoinConcatenatedLiteralsAndReadTextBlocksButSkipCommentsAndChars() {
        String src = "class X { // SELECT 1 FROM account\n"
                + "  /* JOIN endpoint */ char q = '\"'; String a = \"SELECT x FROM \" +\n   \"ledger_line WHERE a = \\\"b\\\"\";\n"
                + "  String b = \"\"\"\n      UPDATE payout_batch SET state = 'X'\"\"\"; String c = \"one\"; int d = 1 + 2; String e = \"two\";\n}";
        assertEquals(List.of("SELECT x FROM ledger_line WHERE a = \\\"b\\\"", "\n      UPDATE payout_batch SET state = 'X'", "one", "two"),
                JavaStrings.literals(src));
    }
}
