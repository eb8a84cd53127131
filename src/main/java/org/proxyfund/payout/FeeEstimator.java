package org.proxyfund.payout;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.wallet.NodeRpc;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fee rate for a batch now, from the operator's node when {@code proxyfund.wallet.rpc-url} is set: the higher of
 * its estimatesmartfee for {@code target-blocks} (history, which lags in a spike) and what it takes to outbid its
 * mempool for that target (now, which says nothing when the mempool is short), held between the floor and the
 * ceiling. Without a node, or when it does not answer, the configured fixed rate.
 */
@ApplicationScoped
public class FeeEstimator {

    private static final Logger LOG = Logger.getLogger(FeeEstimator.class);
    private static final BigDecimal SATS_PER_BTC = BigDecimal.valueOf(100_000_000L);
    /** Pages show an estimate at most this old: a page load need not read the node's whole mempool (or wait on a node
     * that does not answer) each time; the sending loop always asks afresh. */
    private static final Duration PAGE_FRESHNESS = Duration.ofSeconds(30);

    private final AtomicReference<Timed> latest = new AtomicReference<>();

    @Inject
    NodeRpc node;
    @Inject
    PayoutConfig config;

    private record Timed(Instant at, FeeEstimate estimate) {
    }

    /** The latest estimate if it is younger than {@link #PAGE_FRESHNESS}, else a fresh one: for pages. */
    public FeeEstimate recent(Collection<String> ours) {
        Timed t = latest.get();
        if (t != null && t.at().plus(PAGE_FRESHNESS).isAfter(Instant.now())) {
            return t.estimate();
        }
        return estimate(ours);
    }

    /** The rate now; {@code ours} (txids of our own transactions in flight) are left out of the mempool reading. */
    public FeeEstimate estimate(Collection<String> ours) {
        FeeEstimate now = ask(ours);
        latest.set(new Timed(Instant.now(), now));
        return now;
    }

    private FeeEstimate ask(Collection<String> ours) {
        PayoutConfig.Fee fee = config.fee();
        if (!node.configured()) {
            return clamp(FeeEstimate.Source.FIXED, config.feeRateSatPerVb(), "");
        }
        long smart;
        long mempool;
        try {
            smart = smart(node.call("estimatesmartfee", fee.targetBlocks()));
            mempool = outbid(mempool(node.call("getrawmempool", true), ours), fee.targetBlocks(), fee.blockVsize());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("fee estimate: the node gave none (%s); the fixed rate is used", e.getMessage());
            return clamp(FeeEstimate.Source.FIXED, config.feeRateSatPerVb(), String.valueOf(e.getMessage()));
        }
        return mempool > smart ? clamp(FeeEstimate.Source.NODE_MEMPOOL, mempool, "")
                : clamp(FeeEstimate.Source.NODE_ESTIMATE, smart, "");
    }

    private FeeEstimate clamp(FeeEstimate.Source source, long estimate, String detail) {
        long floor = config.fee().floorSatPerVb();
        long ceiling = config.maxFeeRateSatPerVb();
        return new FeeEstimate(Math.min(ceiling, Math.max(floor, estimate)), source, estimate, config.fee().targetBlocks(),
                floor, ceiling, detail);
    }

    /** sat/vB from estimatesmartfee ({@code feerate} in Bitcoin Core, {@code fee} in bcoin; BTC per kvB), 0 if none. */
    static long smart(JsonNode r) {
        JsonNode rate = r.has("feerate") ? r.get("feerate") : r.path("fee");
        if (!rate.isNumber() || rate.decimalValue().signum() <= 0) {
            return 0;
        }
        return rate.decimalValue().multiply(SATS_PER_BTC).divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING).longValueExact();
    }

    /** One mempool transaction: its fee in sats and its virtual size. */
    record Entry(long feeSats, long vsize) {
    }

    /** The verbose getrawmempool as entries ({@code fees.base}/{@code vsize} in Bitcoin Core, {@code fee}/{@code size} in bcoin). */
    static List<Entry> mempool(JsonNode pool, Collection<String> ours) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : pool.properties()) {
            if (ours.contains(e.getKey())) {
                continue;
            }
            JsonNode t = e.getValue();
            JsonNode btc = t.path("fees").has("base") ? t.path("fees").path("base") : t.path("fee");
            long vsize = t.has("vsize") ? t.path("vsize").asLong() : t.path("size").asLong();
            if (btc.isNumber() && vsize > 0) {
                out.add(new Entry(btc.decimalValue().multiply(SATS_PER_BTC).longValueExact(), vsize));
            }
        }
        return out;
    }

    /**
     * The whole sat/vB rate that outbids everything beyond the best-paying {@code targetBlocks × blockVsize} virtual
     * bytes of the mempool: one more than the rate of the transaction at that boundary; 0 when the mempool holds less.
     */
    static long outbid(List<Entry> entries, int targetBlocks, long blockVsize) {
        List<Entry> sorted = new ArrayList<>(entries);
        // Highest rate first, compared exactly: a.fee/a.vsize > b.fee/b.vsize ⟺ a.fee*b.vsize > b.fee*a.vsize.
        sorted.sort((a, b) -> Long.compare(Math.multiplyExact(b.feeSats(), a.vsize()), Math.multiplyExact(a.feeSats(), b.vsize())));
        long room = Math.multiplyExact((long) targetBlocks, blockVsize);
        long used = 0;
        for (Entry e : sorted) {
            used += e.vsize();
            if (used > room) {
                return e.feeSats() / e.vsize() + 1;
            }
        }
        return 0;
    }
}
