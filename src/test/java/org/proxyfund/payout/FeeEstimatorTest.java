package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading the node's answers (Bitcoin Core's and bcoin's shapes) and the mempool rule, in exact integers. */
@PlainLane
class FeeEstimatorTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void shouldReadEstimatesmartfeeOfBitcoinCoreAndBcoinRoundingUpAndNoEstimateAsZero() throws Exception {
        assertEquals(13, FeeEstimator.smart(json("{\"feerate\": 0.00012001, \"blocks\": 6}")), "12.001 sat/vB rounds up");
        assertEquals(12, FeeEstimator.smart(json("{\"feerate\": 0.00012, \"blocks\": 6}")));
        assertEquals(5, FeeEstimator.smart(json("{\"fee\": 0.00005, \"blocks\": 1}")), "bcoin names it fee");
        assertEquals(0, FeeEstimator.smart(json("{\"fee\": -1, \"blocks\": 1}")), "bcoin without data");
        assertEquals(0, FeeEstimator.smart(json("{\"errors\": [\"Insufficient data or no feerate found\"], \"blocks\": 2}")));
    }

    @Test
    void shouldReadTheMempoolOfBothNodesLeavingOurOwnTransactionsOut() throws Exception {
        JsonNode core = json("{\"aa\": {\"vsize\": 141, \"fees\": {\"base\": 0.00007050}}, \"bb\": {\"vsize\": 200, \"fees\": {\"base\": 0.00000400}}}");
        assertEquals(List.of(new FeeEstimator.Entry(7050, 141), new FeeEstimator.Entry(400, 200)),
                FeeEstimator.mempool(core, Set.of()));
        JsonNode bcoin = json("{\"cc\": {\"size\": 226, \"fee\": 0.000113}, \"ours\": {\"size\": 300, \"fee\": 0.003}}");
        assertEquals(List.of(new FeeEstimator.Entry(11300, 226)), FeeEstimator.mempool(bcoin, Set.of("ours")));
    }

    @Test
    void shouldOutbidTheFirstTransactionTheTargetBlocksLeaveOutAndNothingWhenTheyHoldAll() {
        List<FeeEstimator.Entry> pool = List.of(new FeeEstimator.Entry(5_000, 100), // 50 sat/vB
                new FeeEstimator.Entry(3_000, 100), // 30
                new FeeEstimator.Entry(2_050, 100), // 20.5
                new FeeEstimator.Entry(1_000, 100)); // 10
        assertEquals(21, FeeEstimator.outbid(pool, 1, 200), "two fit a block of 200 vB; 20.5 is left out: 21 beats it");
        assertEquals(11, FeeEstimator.outbid(pool, 1, 300));
        assertEquals(11, FeeEstimator.outbid(pool, 3, 100), "three blocks of 100 vB");
        assertEquals(0, FeeEstimator.outbid(pool, 2, 200), "the mempool fits the target: nothing to outbid");
        assertEquals(0, FeeEstimator.outbid(List.of(), 1, 1_000_000));
    }
}
