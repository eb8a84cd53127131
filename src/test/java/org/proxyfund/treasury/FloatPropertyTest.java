package org.proxyfund.treasury;

import org.junit.jupiter.api.Test;
import org.proxyfund.common.testing.PlainLane;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot float's rules over random sequences of donations (to the hot wallet), payout batches (the float pays those
 * within the cap, the admins' cold PSBT the rest), cold-signed refills of the float, sweep passes, blocks and reorgs,
 * and crashes between recording a sweep and broadcasting it: once every sweep is confirmed the hot balance is at most
 * the cap; the books sum to zero and their wallet accounts equal the wallets' confirmed balances; a sweep is planned
 * only while none is in flight; nothing is created or lost (donations = hot + cold + paid + fees).
 */
@PlainLane
class FloatPropertyTest {

    private static final int SEQUENCES = 400;
    private static final int MOVES = 120;
    private static final int FEE = 300;

    @Test
    void shouldKeepTheHotWalletWithinItsCapAndTheBooksEqualToTheWalletsOverRandomSequences() {
        Random random = new Random(20261207L);
        Map<String, Integer> seen = new TreeMap<>();
        for (int seq = 0; seq < SEQUENCES; seq++) {
            long cap = random.nextLong(200_000, 50_000_000);
            FloatPolicy policy = new FloatPolicy(cap, random.nextLong(10_000, cap));
            run(policy, random, seq, seen);
        }
        for (String kind : List.of("donation", "hot payout", "cold payout", "refill", "sweep", "sweep confirmed", "reorg",
                "sweep taken back by a reorg", "crash before broadcast", "waits for funds")) {
            assertTrue(seen.getOrDefault(kind, 0) >= 20, kind + " happened often enough: " + seen);
        }
    }

    private void run(FloatPolicy policy, Random random, int seq, Map<String, Integer> seen) {
        FloatModel m = new FloatModel();
        List<Sweep> sweeps = new ArrayList<>();
        long donated = 0;
        long paid = 0;
        for (int move = 0; move < MOVES; move++) {
            String where = "sequence " + seq + ", move " + move;
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    long sats = random.nextLong(1_000, policy.capSats());
                    m.mempool.add(new FloatModel.Tx(m.nextTxid(), Map.of(FloatModel.HOT, sats),
                            Map.of("hot_wallet", sats, "donations", -sats)));
                    donated += sats;
                    seen.merge("donation", 1, Integer::sum);
                }
                case 2 -> {
                    long total = random.nextLong(1_000, policy.capSats() * 2);
                    String wallet = policy.route(total, FEE) == FloatPolicy.Route.HOT ? FloatModel.HOT : FloatModel.COLD;
                    if (m.spendable(wallet) < total + FEE) {
                        seen.merge("waits for funds", 1, Integer::sum);
                    } else {
                        m.mempool.add(new FloatModel.Tx(m.nextTxid(), Map.of(wallet, -(total + FEE)),
                                Map.of(wallet + "_wallet", -(total + FEE), "operators_paid", total, "miner_fees", (long) FEE)));
                        paid += total;
                        seen.merge(wallet + " payout", 1, Integer::sum);
                    }
                }
                case 3 -> {
                    long sats = random.nextLong(1_000, policy.capSats());
                    if (m.spendable(FloatModel.COLD) >= sats + FEE) { // a refill is a cold-signed PSBT like any payout
                        m.mempool.add(new FloatModel.Tx(m.nextTxid(), Map.of(FloatModel.COLD, -(sats + FEE), FloatModel.HOT, sats),
                                Map.of("cold_wallet", -(sats + FEE), "hot_wallet", sats, "miner_fees", (long) FEE)));
                        seen.merge("refill", 1, Integer::sum);
                    }
                }
                case 4 -> sweepPass(policy, m, sweeps, random.nextInt(4) == 0, seen);
                case 5, 6 -> confirm(m, sweeps, m.mine(), seen);
                default -> {
                    for (FloatModel.Tx t : m.reorg()) {
                        sweeps.replaceAll(s -> s.txid().equals(t.txid()) ? ok(s, new SweepCommand.MarkLeftChain(t.txid())) : s);
                        if (sweeps.stream().anyMatch(s -> s.txid().equals(t.txid()))) {
                            seen.merge("sweep taken back by a reorg", 1, Integer::sum);
                        }
                    }
                    seen.merge("reorg", 1, Integer::sum);
                }
            }
            // A reorg can put a confirmed sweep back in flight beside a newer one; the sweeper itself never plans a second.
            assertTrue(sweeps.stream().filter(s -> s.state().inFlight() && s.reorgCount() == 0).count() <= 1,
                    where + ": one sweep in flight at most, apart from those a reorg took back");
            booksMatchWallets(m, where);
        }
        // The end: sweep passes and blocks until no sweep is due or in flight.
        for (int round = 0; round < 10; round++) {
            sweepPass(policy, m, sweeps, false, seen);
            confirm(m, sweeps, m.mine(), seen);
        }
        String end = "sequence " + seq + " (cap " + policy.capSats() + ", smallest sweep " + policy.sweepMinSats() + ")";
        assertTrue(sweeps.stream().noneMatch(s -> s.state().inFlight()), end + ": every sweep confirmed");
        assertTrue(m.confirmed.get(FloatModel.HOT) <= policy.capSats(),
                end + ": hot " + m.confirmed.get(FloatModel.HOT) + " within the cap once the sweeps are confirmed");
        booksMatchWallets(m, end);
        long fees = m.ledger.getOrDefault("miner_fees", 0L);
        assertEquals(donated, m.confirmed.get(FloatModel.HOT) + m.confirmed.get(FloatModel.COLD) + paid + fees, end + ": nothing lost");
        assertTrue(sweeps.stream().allMatch(s -> s.sweptSats() >= policy.sweepMinSats() - FEE), end + ": no dust sweeps");
    }

    /**
     * The sweeper: a recorded sweep not yet sent is sent (the recorded bytes, never a new one); otherwise one is planned
     * when the policy says so, recorded SIGNED before anything sends it, then broadcast unless the process "crashes".
     */
    private void sweepPass(FloatPolicy policy, FloatModel m, List<Sweep> sweeps, boolean crash, Map<String, Integer> seen) {
        for (int i = 0; i < sweeps.size(); i++) {
            if (sweeps.get(i).state() == SweepState.SIGNED) {
                broadcast(m, sweeps, i);
                return;
            }
        }
        boolean inFlight = sweeps.stream().anyMatch(s -> s.state().inFlight());
        long take = policy.sweepSats(m.spendable(FloatModel.HOT), inFlight);
        if (take == 0) {
            return;
        }
        assertTrue(!inFlight, "a sweep is planned only while none is in flight");
        assertTrue(take >= policy.sweepMinSats(), "a sweep moves at least the smallest sweep");
        Sweep s = Sweep.signed(sweeps.size() + 1, m.nextTxid(), take - FEE, FEE);
        sweeps.add(s); // recorded before the broadcast
        seen.merge("sweep", 1, Integer::sum);
        if (crash) {
            seen.merge("crash before broadcast", 1, Integer::sum);
            return;
        }
        broadcast(m, sweeps, sweeps.size() - 1);
    }

    private static void broadcast(FloatModel m, List<Sweep> sweeps, int i) {
        Sweep s = sweeps.get(i);
        m.mempool.add(new FloatModel.Tx(s.txid(), Map.of(FloatModel.HOT, -s.hotSpentSats(), FloatModel.COLD, s.sweptSats()),
                Map.of("hot_wallet", -s.hotSpentSats(), "cold_wallet", s.sweptSats(), "miner_fees", s.feeSats())));
        sweeps.set(i, ok(s, new SweepCommand.MarkBroadcast(s.txid())));
    }

    private static void confirm(FloatModel m, List<Sweep> sweeps, List<FloatModel.Tx> mined, Map<String, Integer> seen) {
        for (FloatModel.Tx t : mined) {
            for (int i = 0; i < sweeps.size(); i++) {
                if (sweeps.get(i).txid().equals(t.txid())) {
                    sweeps.set(i, ok(sweeps.get(i), new SweepCommand.MarkConfirmed(t.txid(), 1, 1)));
                    seen.merge("sweep confirmed", 1, Integer::sum);
                }
            }
        }
    }

    private static Sweep ok(Sweep s, SweepCommand c) {
        return assertInstanceOf(SweepMachine.Result.Ok.class, SweepMachine.apply(s, c), () -> s + " " + c).sweep();
    }

    private static void booksMatchWallets(FloatModel m, String where) {
        assertEquals(0, m.ledgerTotal(), where + ": the books sum to zero");
        assertEquals(m.confirmed.get(FloatModel.HOT), m.ledger.getOrDefault("hot_wallet", 0L), where + ": hot wallet = its account");
        assertEquals(m.confirmed.get(FloatModel.COLD), m.ledger.getOrDefault("cold_wallet", 0L), where + ": cold wallet = its account");
    }

    @Test
    void shouldRefuseWhatTheChainHasNotProvenAndAnswerRepeatsWithoutAChange() {
        Sweep s = Sweep.signed(1, "a".repeat(64), 500_000, 400);
        assertInstanceOf(SweepMachine.Result.Refused.class, SweepMachine.apply(s, new SweepCommand.MarkBroadcast("b".repeat(64))));
        assertInstanceOf(SweepMachine.Result.Refused.class, SweepMachine.apply(s, new SweepCommand.MarkConfirmed("a".repeat(64), 1, 2)));
        assertInstanceOf(SweepMachine.Result.Refused.class, SweepMachine.apply(s, new SweepCommand.FailConflicted("a".repeat(64), 6, 6)));
        Sweep sent = ok(s, new SweepCommand.MarkBroadcast("a".repeat(64)));
        assertEquals(sent, ok(sent, new SweepCommand.MarkBroadcast("a".repeat(64))), "a repeated broadcast changes nothing");
        Sweep done = ok(sent, new SweepCommand.MarkConfirmed("a".repeat(64), 2, 2));
        assertEquals(SweepState.CONFIRMED, done.state());
        assertInstanceOf(SweepMachine.Result.Refused.class, SweepMachine.apply(done, new SweepCommand.FailConflicted("c".repeat(64), 6, 6)));
        Sweep back = ok(done, new SweepCommand.MarkLeftChain("a".repeat(64)));
        assertEquals(SweepState.BROADCAST, back.state());
        assertEquals(1, back.reorgCount());
        Sweep failed = ok(back, new SweepCommand.FailConflicted("c".repeat(64), 6, 6));
        assertEquals(SweepState.FAILED, failed.state());
        for (SweepState next : SweepState.values()) {
            assertTrue(!SweepState.FAILED.canMoveTo(next), "FAILED is terminal");
        }
        assertThrows(IllegalStateException.class, () -> failed.moveTo(SweepState.CONFIRMED));
    }

    @Test
    void shouldPayWithinTheCapFromTheFloatAndSendLargerBatchesToTheAdmins() {
        FloatPolicy p = new FloatPolicy(1_000_000, 100_000);
        assertEquals(FloatPolicy.Route.HOT, p.route(999_000, 1_000));
        assertEquals(FloatPolicy.Route.COLD, p.route(999_001, 1_000));
        assertEquals(FloatPolicy.Route.COLD, new FloatPolicy(0, 100_000).route(1, 0), "no float: the admins sign everything");
        assertEquals(0, p.sweepSats(1_000_000, false), "at the cap: no sweep");
        assertEquals(100_001, p.sweepSats(1_000_001, false), "above: down to the cap less the smallest sweep");
        assertEquals(0, p.sweepSats(5_000_000, true), "never a second sweep in flight");
        assertThrows(IllegalArgumentException.class, () -> new FloatPolicy(100_000, 100_000));
        long limit = p.batchLimit(500);
        assertEquals(952_380, limit, "outputs whose 5 % fee still fits the cap of 1,000,000");
        assertEquals(FloatPolicy.Route.HOT, p.route(limit, limit * 500 / 10_000), "a batch at the limit with the largest fee allowed");
        assertEquals(1_000_000, p.batchLimit(0));
        assertEquals(Long.MAX_VALUE, new FloatPolicy(0, 100_000).batchLimit(500), "no float: no limit");
        java.util.Random random = new java.util.Random(20261207L);
        for (int i = 0; i < 10_000; i++) {
            FloatPolicy q = new FloatPolicy(random.nextLong(2, 2_100_000_000_000_000L), 1);
            int bp = random.nextInt(0, 10_001);
            long at = q.batchLimit(bp);
            long total = random.nextLong(1, at + 1);
            long largestFee = total / 10_000 * bp + total % 10_000 * bp / 10_000; // total * bp / 10,000 without overflow
            assertEquals(FloatPolicy.Route.HOT, q.route(total, largestFee),
                    "every batch within the limit, with any fee the share allows, is the float's: " + q + " " + bp + " " + total);
        }
    }
}
