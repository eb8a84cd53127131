package org.proxyfund.payout;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.proxyfund.common.testing.ServiceProcess;
import org.proxyfund.operator.WebClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never twice, with real processes: the packaged service runs as separate JVMs against one PostgreSQL and the regtest
 * node. Two replicas triggered at the same instant and an admin approving twice (once on each replica) give one
 * batch and one transaction; a replica killed outright ({@code Runtime.halt(137)}, no shutdown of anything) at each
 * step of sending (and after a reorg took a paid batch's block away, before its stored bytes went out again) and
 * started again pays every line exactly once, as the chain itself shows.
 */
@Tag("long") // a packaged service in processes of its own: ./mvnw -Plong verify
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayoutProcessIT {

    static final Duration START = Duration.ofMinutes(3);
    static final Duration SETTLE = Duration.ofMinutes(2);

    static ProcessHarness h;

    @BeforeAll
    static void startDatabaseAndNode() {
        h = new ProcessHarness();
    }

    @AfterAll
    static void stopEverything() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    @Order(2)
    void shouldMakeOneBatchAndOneTransactionWhenTwoReplicasAreTriggeredTogetherAndTheAdminApprovesTwice() throws Exception {
        try (ServiceProcess a = h.start("replica-a", Map.of()); ServiceProcess b = h.start("replica-b", Map.of())) {
            a.awaitReady(START);
            b.awaitReady(START);
            h.fund(a, 40_000_000L, 40_000_000L);
            int fromHeight = h.node.blockCount() + 1;
            Map<String, Long> owed = new HashMap<>();
            for (int i = 0; i < 5; i++) {
                String address = PayoutTestData.someAddress();
                long sats = 150_000L + 1_000L * i;
                h.operatorOwed(address, sats);
                owed.put(address, sats);
            }

            ProcessHarness.awaitNextEpoch();
            List<Response> fired = ProcessHarness.together(() -> ProcessHarness.trigger(a), () -> ProcessHarness.trigger(b));
            fired.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
            JsonPath ja = fired.get(0).jsonPath();
            JsonPath jb = fired.get(1).jsonPath();
            assertEquals(ja.getList("batchIds", Long.class), jb.getList("batchIds", Long.class), "both replicas answer with the same batches");
            assertNotEquals(ja.getBoolean("created"), jb.getBoolean("created"), "one replica created the batch, the other found it");
            String key = ja.getString("proposalKey");
            assertEquals(1, h.number("SELECT count(*) FROM payout_batch WHERE proposal_key = ?", key));
            long batch = h.number("SELECT id FROM payout_batch WHERE proposal_key = ?", key);
            assertEquals(owed.size(), h.number("SELECT count(*) FROM payout_line WHERE batch_id = ?", batch));

            WebClient onA = ProcessHarness.admin(a);
            int revision = ProcessHarness.revisionShown(onA, batch);
            WebClient onB = new WebClient(onA.address).at(b.baseUri());
            onB.cookies.putAll(onA.cookies);
            assertEquals(revision, ProcessHarness.revisionShown(onB, batch), "the session is shared by the replicas");
            List<Response> approvals = ProcessHarness.together(
                    () -> onA.post("/admin/payouts/" + batch + "/approve", "revision", String.valueOf(revision)),
                    () -> onB.post("/admin/payouts/" + batch + "/approve", "revision", String.valueOf(revision)));
            List<Integer> codes = new ArrayList<>(approvals.stream().map(Response::statusCode).sorted().toList());
            assertEquals(List.of(200, 409), codes, "one approval counts, the double submit is refused");
            assertTrue(approvals.stream().anyMatch(r -> r.asString().contains("already approved")), "the refusal says why");
            assertEquals(1, h.number("SELECT count(*) FROM payout_approval WHERE batch_id = ?", batch));

            h.awaitState(batch, "BROADCAST", SETTLE);
            h.node.mine(6);
            h.awaitState(batch, "CONFIRMED", SETTLE);
            assertEquals(1, h.number("SELECT count(*) FROM payout_tx WHERE batch_id = ?", batch), "one transaction signed");
            h.assertPaidOnceOnChain(fromHeight, owed);
            long leaders = List.of(a, b).stream().filter(p -> p.log().contains("this replica is the payout leader")).count();
            assertEquals(1, leaders, "exactly one replica led the sending");
        }
    }

    @Test
    @Order(3)
    void shouldPayEveryLineExactlyOnceWhenTheProcessIsKilledAtEachStepAndStartedAgain() {
        for (PayoutFault.Step step : PayoutFault.Step.sending()) {
            if (step.psbt()) {
                continue; // the packaged service here signs hot: PayoutFaultInjectionTest strikes the PSBT steps
            }
            boolean bump = step.name().contains("BUMP");
            Map<String, String> fault = Map.of("proxyfund.payout.fault.at", step.name(), "proxyfund.payout.fault.mode", "HALT",
                    "proxyfund.payout.stuck-after", bump ? "PT3S" : "PT1H");
            ServiceProcess payer = h.start("payer", fault).awaitReady(START);
            h.fund(payer, 3_000_000L);
            int fromHeight = h.node.blockCount() + 1;
            Map<String, Long> owed = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                String address = PayoutTestData.someAddress();
                long sats = 120_000L + 7_000L * i;
                h.operatorOwed(address, sats);
                owed.put(address, sats);
            }
            ProcessHarness.awaitNextEpoch();
            Response fired = ProcessHarness.trigger(payer);
            assertEquals(200, fired.statusCode(), fired.asString());
            List<Long> ids = fired.jsonPath().getList("batchIds", Long.class);
            assertEquals(1, ids.size(), step + ": one batch for this run's operators");
            long batch = ids.getFirst();
            WebClient admin = ProcessHarness.admin(payer);
            admin.post("/admin/payouts/" + batch + "/approve", "revision", String.valueOf(ProcessHarness.revisionShown(admin, batch)))
                    .then().statusCode(200);
            if (step == PayoutFault.Step.DURING_TRACKING) {
                h.awaitState(batch, "BROADCAST", SETTLE);
                h.node.mine(6);
            }
            boolean reorgStep = step == PayoutFault.Step.AFTER_LEFT_CHAIN_BEFORE_REBROADCAST;
            if (reorgStep) {
                h.awaitState(batch, "BROADCAST", SETTLE);
                h.node.mine(6);
                h.awaitState(batch, "CONFIRMED", SETTLE);
                reorgAway(h.text("SELECT confirmed_txid FROM payout_batch WHERE id = ?", batch), fromHeight);
            }

            assertEquals(137, payer.awaitExit(SETTLE), step + ": the process was killed by the fault");
            assertTrue(payer.log().contains("payout fault strikes: HALT at " + step), step + ": struck at the step");
            String stateAtDeath = h.state(batch);

            try (ServiceProcess again = h.start("payer", Map.of()).awaitReady(START)) {
                if (reorgStep) {
                    assertEquals(1, h.number("SELECT reorg_count FROM payout_batch WHERE id = ?", batch), "back from CONFIRMED");
                    String txid = h.text("SELECT txid FROM payout_tx WHERE batch_id = ? ORDER BY seq DESC LIMIT 1", batch);
                    org.proxyfund.wallet.testing.RegtestNode.await("the stored bytes sent again after the restart", SETTLE,
                            () -> h.node.mempool().contains(txid));
                }
                if (step != PayoutFault.Step.DURING_TRACKING) {
                    awaitInFlight(batch);
                    h.node.mine(6);
                }
                h.awaitState(batch, "CONFIRMED", SETTLE);
                h.assertPaidOnceOnChain(fromHeight, owed);
                System.out.printf("[process-it] %s: killed with 137 in state %s, restarted, batch %d CONFIRMED, %d transaction(s) recorded%n",
                        step, stateAtDeath, batch, h.number("SELECT count(*) FROM payout_tx WHERE batch_id = ?", batch));
            }
        }
    }

    /**
     * The hot float's sweeps under process kills: a replica with a float (cap 0.05 BTC) killed outright at each step of
     * sweeping (signed, recorded, broadcast, tracked) and started again sweeps exactly once: one transaction per sweep,
     * each cold address paid once on the node's chain. First of the class, so the hot wallet starts empty (at or under
     * the cap) and each sweep is the one the step's donation makes due.
     */
    @Test
    @Order(1)
    void shouldSweepExactlyOnceWhenTheProcessIsKilledAtEachSweepStepAndStartedAgain() {
        org.bitcoinj.crypto.DeterministicKey account = org.bitcoinj.crypto.HDKeyDerivation.createMasterPrivateKey(
                new java.security.SecureRandom().generateSeed(32));
        for (int i : new int[] {84, 1, 0}) {
            account = org.bitcoinj.crypto.HDKeyDerivation.deriveChildKey(account, new org.bitcoinj.crypto.ChildNumber(i, true));
        }
        Map<String, String> floatConfig = Map.of("proxyfund.treasury.hot-cap-sats", "5000000",
                "proxyfund.treasury.sweep-min-sats", "1000000", "proxyfund.treasury.cold-watch-key",
                account.serializePubB58(org.bitcoinj.base.BitcoinNetwork.REGTEST, org.bitcoinj.base.ScriptType.P2WPKH));
        for (PayoutFault.Step step : List.of(PayoutFault.Step.SWEEP_AFTER_SIGN_BEFORE_RECORD,
                PayoutFault.Step.SWEEP_AFTER_RECORD_BEFORE_BROADCAST, PayoutFault.Step.SWEEP_AFTER_BROADCAST_BEFORE_STATE,
                PayoutFault.Step.SWEEP_DURING_TRACKING)) {
            int fromHeight = h.node.blockCount() + 1;
            Map<String, String> withFault = new HashMap<>(floatConfig);
            withFault.put("proxyfund.payout.fault.at", step.name());
            withFault.put("proxyfund.payout.fault.mode", "HALT");
            ServiceProcess sweeper = h.start("sweeper", withFault).awaitReady(START);
            long before = h.number("SELECT count(*) FROM treasury_sweep"); // the service made the table at its first start
            h.fund(sweeper, 8_000_000L); // above the cap whatever the float held: a sweep is due
            if (step == PayoutFault.Step.SWEEP_DURING_TRACKING) {
                org.proxyfund.wallet.testing.RegtestNode.await("sweep broadcast", SETTLE, () -> h.number(
                        "SELECT count(*) FROM treasury_sweep WHERE state = 'BROADCAST'") == 1);
                h.node.mine(1);
            }
            assertEquals(137, sweeper.awaitExit(SETTLE), step + ": killed at the step");
            String stateAtDeath = before == h.number("SELECT count(*) FROM treasury_sweep") ? "nothing recorded"
                    : h.text("SELECT state FROM treasury_sweep ORDER BY id DESC LIMIT 1");

            ServiceProcess again = h.start("sweeper", floatConfig).awaitReady(START);
            org.proxyfund.wallet.testing.RegtestNode.await(step + ": one sweep more, confirmed", SETTLE, () -> {
                h.node.mine(1);
                return h.number("SELECT count(*) FROM treasury_sweep") == before + 1
                        && h.number("SELECT count(*) FROM treasury_sweep WHERE state <> 'CONFIRMED'") == 0;
            });
            String cold = h.text("SELECT cold_address FROM treasury_sweep ORDER BY id DESC LIMIT 1");
            long swept = h.number("SELECT swept_sats FROM treasury_sweep ORDER BY id DESC LIMIT 1");
            long[] got = ChainPayments.received(h.node, fromHeight, java.util.Set.of(cold)).get(cold);
            assertTrue(got != null && got[0] == swept && got[1] == 1, step + ": the cold address received its sweep once");
            again.close();
            System.out.printf("[process-it] %s: killed with 137 (%s), restarted, one sweep of %d sats confirmed%n",
                    step, stateAtDeath, swept);
        }
        assertEquals(4, h.number("SELECT count(DISTINCT cold_index) FROM treasury_sweep"), "each cold address once");
    }

    /**
     * A hot float needs the cold wallet it sweeps to: the packaged service with a cap and no cold key, or with the cold
     * account's private key where its public key belongs, stops at start with the reason, before it pays anything.
     */
    @Test
    @Order(4)
    void shouldRefuseToStartAHotFloatWithoutTheColdWalletsPublicKeyAndSayWhy() {
        ServiceProcess noKey = h.start("float-no-cold-key", Map.of("proxyfund.treasury.hot-cap-sats", "50000000"));
        assertNotEquals(0, noKey.awaitExit(START), "a float without a cold key does not start");
        assertTrue(noKey.log().contains("proxyfund.treasury.hot-cap-sats is 50000000 but proxyfund.treasury.cold-watch-key"
                + " is not set"), noKey.tail(40));

        org.bitcoinj.crypto.DeterministicKey account = org.bitcoinj.crypto.HDKeyDerivation.createMasterPrivateKey(
                new java.security.SecureRandom().generateSeed(32));
        for (int i : new int[] {84, 1, 0}) {
            account = org.bitcoinj.crypto.HDKeyDerivation.deriveChildKey(account, new org.bitcoinj.crypto.ChildNumber(i, true));
        }
        String privateKey = account.serializePrivB58(org.bitcoinj.base.BitcoinNetwork.REGTEST);
        ServiceProcess privateGiven = h.start("float-private-cold-key", Map.of("proxyfund.treasury.hot-cap-sats", "50000000",
                "proxyfund.treasury.cold-watch-key", privateKey));
        assertNotEquals(0, privateGiven.awaitExit(START), "a cold private key on the server is refused");
        assertTrue(privateGiven.log().contains("holds a PRIVATE key"), privateGiven.tail(40));
        assertTrue(!privateGiven.log().contains(privateKey), "the refused private key is not written to the log");
    }

    /** Replaces the block holding {@code txid} and every block above it by one block more (a reorg removing it). */
    private void reorgAway(String txid, int fromHeight) {
        int tip = h.node.blockCount();
        int at = fromHeight;
        while (at <= tip && !h.node.blockTxids(h.node.rpc("getblockhash", at).asText()).contains(txid)) {
            at++;
        }
        assertTrue(at <= tip, txid + " is in the chain");
        assertTrue(h.node.mempool().isEmpty(), "an empty mempool: bcoin then drops the removed blocks' transactions");
        h.node.invalidateBlock(h.node.rpc("getblockhash", at).asText());
        h.node.mine(tip - at + 2);
    }

    /** Waits until the batch is on its way (broadcast, or already confirmed after a restart saw it). */
    private void awaitInFlight(long batch) {
        org.proxyfund.wallet.testing.RegtestNode.await("batch " + batch + " broadcast", SETTLE,
                () -> List.of("BROADCAST", "CONFIRMED").contains(h.state(batch)));
    }
}
