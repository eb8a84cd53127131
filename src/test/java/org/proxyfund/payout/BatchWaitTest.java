package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.WalletState;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What in the wallet's state makes every batch wait, and the figures a reason carries. */
@PlainLane
class BatchWaitTest {

    @Test
    void shouldNameWhatInTheWalletStopsPayoutWorkAndNothingWhenSynced() {
        assertEquals(Optional.empty(), BatchWaiting.fromWallet(new WalletState(true, 1, 500, 500, WalletState.Sync.SYNCED)));
        assertEquals(Optional.of(BatchWait.of(BatchWait.Why.WALLET_OFF)),
                BatchWaiting.fromWallet(new WalletState(false, 0, 0, 0, WalletState.Sync.NOT_RUNNING)));
        assertEquals(Optional.of(BatchWait.of(BatchWait.Why.NO_PEER)),
                BatchWaiting.fromWallet(new WalletState(true, 0, 500, 0, WalletState.Sync.NO_PEER)));
        assertEquals(Optional.of(new BatchWait(BatchWait.Why.CATCHING_UP, List.of("480", "500"))),
                BatchWaiting.fromWallet(new WalletState(true, 1, 480, 500, WalletState.Sync.CATCHING_UP)));
        assertEquals(Optional.of(new BatchWait(BatchWait.Why.BLOCK_MISSING, List.of("500", "501"))),
                BatchWaiting.fromWallet(new WalletState(true, 1, 500, 501, WalletState.Sync.BLOCK_MISSING)));
    }

    @Test
    void shouldCarryAtMostThreeFiguresAndFormatSharesAsThePagesDo() {
        assertEquals("", BatchWait.of(BatchWait.Why.NO_PEER).arg(0));
        assertEquals("12", BatchWait.of(BatchWait.Why.BUMP_FUNDS, 12L).arg(0));
        assertEquals("5.00", BatchWait.percent(500));
        assertEquals("0.25", BatchWait.percent(25));
        assertThrows(IllegalArgumentException.class, () -> BatchWait.of(BatchWait.Why.FUNDS, 1, 2, 3, 4));
    }
}
