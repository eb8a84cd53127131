package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.BitcoinNetwork;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault hook strikes once where armed, and cannot be armed outside regtest. */
@PlainLane
class PayoutFaultTest {

    static PayoutFault on(BitcoinNetwork network) {
        PayoutFault fault = new PayoutFault();
        fault.bitcoin = () -> network;
        fault.configuredStep = Optional.empty();
        fault.configuredMode = PayoutFault.Mode.THROW;
        return fault;
    }

    @Test
    void shouldStrikeOnceAtTheArmedStepOnly() {
        PayoutFault fault = on(BitcoinNetwork.REGTEST);
        fault.arm(PayoutFault.Step.AFTER_COMMIT_BEFORE_BROADCAST, PayoutFault.Mode.THROW);
        assertDoesNotThrow(() -> fault.at(PayoutFault.Step.AFTER_SIGN_BEFORE_COMMIT));
        assertThrows(PayoutFault.InjectedFault.class, () -> fault.at(PayoutFault.Step.AFTER_COMMIT_BEFORE_BROADCAST));
        assertDoesNotThrow(() -> fault.at(PayoutFault.Step.AFTER_COMMIT_BEFORE_BROADCAST), "one shot");
    }

    @Test
    void shouldRefuseToArmOnMainnetEvenFromConfiguration() {
        for (BitcoinNetwork network : new BitcoinNetwork[] {BitcoinNetwork.MAINNET, BitcoinNetwork.TESTNET, BitcoinNetwork.SIGNET}) {
            PayoutFault fault = on(network);
            fault.configuredStep = Optional.of(PayoutFault.Step.DURING_TRACKING);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> fault.onStart(null));
            assertTrue(e.getMessage().contains("regtest only"), e.getMessage());
        }
    }
}
