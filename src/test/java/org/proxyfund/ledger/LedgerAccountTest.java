package org.proxyfund.ledger;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ledger account names are built and read through one type: an operator's payable names that operator, nothing else does. */
@PlainLane
class LedgerAccountTest {

    @Test
    void shouldNameTheOperatorOfAPayableAccountAndNoOperatorForOtherAccounts() {
        LedgerAccount payable = LedgerAccount.operatorPayable(42);
        assertEquals("operator_payable:42", payable.name());
        assertEquals(OptionalLong.of(42), new LedgerAccount("operator_payable:42").operatorId());
        assertTrue(payable.isOperatorPayable());
        assertFalse(new LedgerAccount(LedgerService.WALLET).isOperatorPayable());
        assertFalse(new LedgerAccount("operator_payable:").isOperatorPayable());
        assertFalse(new LedgerAccount("operator_payable:x1").isOperatorPayable());
        assertFalse(new LedgerAccount("operator_payables:1").isOperatorPayable());
    }
}
