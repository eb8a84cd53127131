package org.proxyfund.payout;

import org.proxyfund.wallet.PaymentOutput;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.WalletService;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Payout outputs to fresh P2WPKH addresses and the size of a one-payout transaction, for the size checks. */
final class PayoutSize {

    private PayoutSize() {
    }

    static List<PaymentOutput> outputs(int n) {
        List<PaymentOutput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new PaymentOutput(PayoutTestData.someAddress(), 10_000 + i));
        }
        return out;
    }

    /** Mean vsize of {@code samples} signed one-payout transactions (never broadcast). */
    static double singlePayoutVbytes(WalletService wallet, int samples) {
        long total = 0;
        for (int i = 0; i < samples; i++) {
            total += assertInstanceOf(SignResult.Signed.class, wallet.buildAndSign(outputs(1), 10)).vsize();
        }
        return (double) total / samples;
    }
}
