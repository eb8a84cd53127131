package org.proxyfund.payout;

import org.proxyfund.wallet.testing.NodeRpcResource;
import org.proxyfund.wallet.testing.RegtestNodeResource;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The wallet test profile with the node's JSON-RPC configured for fee estimates, a target of the next block and
 * blocks of {@value #BLOCK_VSIZE} vB for reading the mempool: a few dozen transactions fill "a block", so a spike
 * can be made on regtest without megabytes of transactions.
 */
public class FeeSpikeProfile extends WalletTestProfile {

    static final long BLOCK_VSIZE = 2_000;
    static final long FLOOR = 2;
    static final long CEILING = 200;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RegtestNodeResource.class), new TestResourceEntry(NodeRpcResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("proxyfund.payout.fee.target-blocks", "1",
                "proxyfund.payout.fee.block-vsize", Long.toString(BLOCK_VSIZE),
                "proxyfund.payout.fee.floor-sat-per-vb", Long.toString(FLOOR),
                "proxyfund.payout.max-fee-rate-sat-per-vb", Long.toString(CEILING));
    }
}
