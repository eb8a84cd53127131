package org.proxyfund.wallet;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sync across reorgs on the real regtest node: bitcoinj's estimate of the peer's height grows by every announced
 * block, also by blocks that only replace others, so it drifts ahead at each reorg; the wallet's "synced" must not.
 */
@QuarkusTest
@TestProfile(WalletTestProfile.class)
class WalletSyncTest {

    @Inject
    WalletService wallet;

    final RegtestNode node = RegtestNode.shared();

    private void awaitFollowing(String what) {
        RegtestNode.await(what, Duration.ofSeconds(60), () -> wallet.state().synced()
                && wallet.state().chainHeight() == node.blockCount());
    }

    /** bcoin's invalidateblock of the block {@code depth - 1} below the tip, then {@code depth + 1} new blocks. */
    private void reorg(int depth) {
        int tip = node.blockCount();
        String hash = node.rpc("getblockhash", tip - depth + 1).asText();
        node.invalidateBlock(hash);
        node.mine(depth + 1);
        assertEquals(tip + 1, node.blockCount(), "the new chain is one block longer");
        assertNotEquals(hash, node.rpc("getblockhash", tip - depth + 1).asText(), "the block is replaced");
    }

    private void assertReady() {
        org.proxyfund.common.testing.Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Bitcoin wallet' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Bitcoin wallet' }.data.sync", equalTo("SYNCED"))
                .body("checks.find { it.name == 'Bitcoin wallet' }.data.chainHeight", equalTo(node.blockCount()));
    }

    @Test
    void shouldStaySyncedAndReadyThroughTwoOneBlockReorgsAndASixBlockReorgWithoutARestart() {
        node.mine(7); // deep enough for a 6-block reorg of blocks this test mined itself
        awaitFollowing("wallet at the node's tip");
        int starts = wallet.starts();
        int driftBefore = wallet.bitcoinjPeerHeightEstimate() - wallet.state().chainHeight();

        reorg(1);
        awaitFollowing("wallet past the first 1-block reorg, with no further block");
        assertReady();
        reorg(1);
        awaitFollowing("wallet past the second 1-block reorg, with no further block");
        assertReady();
        // The negative control: bitcoinj's estimate, which readiness used to follow, is now ahead of the real chain.
        int drift = wallet.bitcoinjPeerHeightEstimate() - wallet.state().chainHeight();
        assertTrue(drift >= driftBefore + 2, "bitcoinj's estimate drifted by one per reorg: " + driftBefore + " -> " + drift);

        reorg(6);
        awaitFollowing("wallet past the 6-block reorg, with no further block");
        assertReady();
        drift = wallet.bitcoinjPeerHeightEstimate() - wallet.state().chainHeight();
        assertTrue(drift >= driftBefore + 8, "six more blocks of drift after the deep reorg: " + drift);
        assertEquals(node.bestBlockHash(), wallet.bestBlockHash(), "the wallet follows the node's new chain");
        assertEquals(starts, wallet.starts(), "no restart was needed");

        node.mine(1);
        awaitFollowing("wallet follows the next block");
        assertReady();
    }
}
