package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every signed batch reaches the network from one place: the first send, the rebroadcast after a restart or a reorg
 * and the fee bump all go through {@code PayoutWorker.broadcast}, the only call of the wallet's broadcast outside
 * {@code wallet/}; the hot float's sweeps likewise from one place, {@code SweepWorker.send} (first send, the send after
 * a restart, the rebroadcast), tested by HotFloatSweepTest. A further caller would be a path whose retries, memory and
 * faults nobody tests.
 */
@PlainLane
class OneBroadcastPlaceTest {

    private static final Path MAIN = Path.of("src/main/java/org/proxyfund");
    private static final Pattern WALLET_BROADCAST = Pattern.compile("\\bwallet\\s*\\.\\s*broadcast\\s*\\(");

    @Test
    void shouldBroadcastBatchTransactionsFromOnePlaceOnly() throws IOException {
        List<String> callers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (MAIN.relativize(f).getName(0).toString().equals("wallet")) {
                    continue;
                }
                Matcher m = WALLET_BROADCAST.matcher(Files.readString(f));
                while (m.find()) {
                    callers.add(MAIN.relativize(f).toString());
                }
            }
        }
        callers.sort(null);
        assertEquals(List.of("payout/PayoutWorker.java", "treasury/SweepWorker.java"), callers);
    }
}
