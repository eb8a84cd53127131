package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.SignResult;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual bytes per payout of one batched transaction (10, 100, 1,000, 2,500 P2WPKH outputs) against one
 * transaction per payout, both signed by the real wallet in the same run. Run: {@code ./mvnw -Pbench test
 * -Dtest=PayoutSizeBenchmark}; report in target/benchmark/payout-size.txt.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
@Tag("benchmark")
class PayoutSizeBenchmark {

    @Inject
    WalletService wallet;
    @Inject
    PayoutWalletFixture chain;

    @Test
    void shouldReportVirtualBytesPerPayoutOfBatchesAgainstOneTransactionPerPayout() throws IOException {
        chain.awaitSynced();
        chain.fund(2_000_000_000L);
        double single = PayoutSize.singlePayoutVbytes(wallet, 20);
        StringBuilder report = new StringBuilder(String.format(
                "one transaction per payout (1 input, payout + change, 10 sat/vB): %.1f vB per payout%n", single));
        report.append("outputs | vsize (vB) | vB per payout | vs one tx per payout | <= 32 vB target | signing time%n".formatted());
        for (int n : new int[] {10, 100, 1_000, 2_500}) {
            long t0 = System.nanoTime();
            SignResult.Signed s = assertInstanceOf(SignResult.Signed.class, wallet.buildAndSign(PayoutSize.outputs(n), 10));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            double perPayout = (double) s.vsize() / n;
            report.append(String.format("%,d | %,d | %.2f | %.3f | %s | %d ms%n", n, s.vsize(), perPayout, perPayout / single,
                    perPayout <= 32.0 ? "met" : "missed", ms));
            // A sanity bound only: the figures are the result, reported whether the target is met or not.
            assertTrue(perPayout < single, n + " outputs: " + perPayout + " vB per payout, not below one tx per payout");
        }
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "payout-size.txt"), report);
        System.out.print(report);
    }
}
