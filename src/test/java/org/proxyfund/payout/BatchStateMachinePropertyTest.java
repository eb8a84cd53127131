package org.proxyfund.payout;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;
import org.proxyfund.payout.BatchResult.Ok;
import org.proxyfund.payout.BatchResult.Pending;
import org.proxyfund.payout.BatchResult.Refused;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.payout.BatchFixtures.THRESHOLD;

/**
 * Random command sequences (fixed seed) against the payout state machine, checked against a model the test
 * keeps itself: the txid never changes once signed except by tracked replacements, nothing returns to an
 * approvable state after signing, completion needs enough confirmations of a known txid, only the confirming
 * transaction's leaving the chain reopens a CONFIRMED batch (and only to BROADCAST), REJECTED and FAILED stay closed.
 */
@PlainLane
class BatchStateMachinePropertyTest {

    private static final int SEQUENCES = 10_000;
    private static final long[] TOTALS = {THRESHOLD / 2, THRESHOLD, THRESHOLD + 1, 3 * THRESHOLD};

    private final Random random = new Random(20261122L);
    private final Map<BatchState, Integer> finalStates = new EnumMap<>(BatchState.class);
    private final Map<BatchReason, Integer> refusals = new EnumMap<>(BatchReason.class);
    private int confirmedByReplacement;
    private int leftChain;
    private int confirmedAgain;
    private int twoAdminApprovals;
    private int steps;

    @Test
    void shouldKeepEveryInvariantOverTenThousandRandomSequences() {
        for (int i = 0; i < SEQUENCES; i++) {
            runSequence(1 + random.nextInt(60));
        }
        for (BatchState state : List.of(BatchState.CONFIRMED, BatchState.REJECTED, BatchState.FAILED,
                BatchState.BROADCAST, BatchState.SIGNED, BatchState.APPROVED, BatchState.PROPOSED)) {
            assertTrue(finalStates.getOrDefault(state, 0) > 50, "too few sequences end in " + state + ": " + finalStates);
        }
        for (BatchReason reason : BatchReason.values()) {
            assertTrue(refusals.getOrDefault(reason, 0) > 50, "too few " + reason + ": " + refusals);
        }
        assertTrue(confirmedByReplacement > 50, "replacements confirmed: " + confirmedByReplacement);
        assertTrue(leftChain > 50, "confirmations lost to a reorg: " + leftChain);
        assertTrue(confirmedAgain > 50, "confirmed again after a reorg: " + confirmedAgain);
        assertTrue(twoAdminApprovals > 50, "two-admin approvals: " + twoAdminApprovals);
        assertTrue(steps > 200_000, "steps: " + steps);
    }

    private void runSequence(int length) {
        BatchSnapshot batch = BatchSnapshot.proposed(TOTALS[random.nextInt(TOTALS.length)], THRESHOLD);
        String firstTxid = null;
        List<String> tracked = new ArrayList<>();
        Set<Long> approvers = new HashSet<>();
        boolean reorged = false;
        for (int step = 0; step < length; step++, steps++) {
            BatchCommand command = randomCommand(batch);
            BatchResult result = BatchStateMachine.apply(batch, command);
            BatchSnapshot prev = batch;
            switch (result) {
                case Refused refused -> {
                    assertFalse(refused.message().isBlank());
                    refusals.merge(refused.reason(), 1, Integer::sum);
                    checkRefusalCode(prev, command, approvers, refused);
                    continue;
                }
                case Pending pending -> {
                    refusals.merge(pending.reason(), 1, Integer::sum);
                    assertEquals(BatchReason.NEEDS_SECOND_ADMIN, pending.reason());
                    assertEquals(BatchState.PROPOSED, pending.batch().state());
                    batch = pending.batch();
                }
                case Ok ok when ok.event().isEmpty() -> {
                    assertEquals(prev, ok.batch(), "a repeat changed the batch: " + command);
                    continue;
                }
                case Ok ok -> batch = ok.batch();
            }
            assertNotEquals(prev, batch, "a change with an event must change something: " + command);
            assertFalse(prev.state().isTerminal(), prev.state() + " changed by " + command);
            assertTrue(prev.state().canMoveTo(batch.state()), prev.state() + " -> " + batch.state());
            if (command instanceof BatchCommand.Revise) {
                approvers.clear();
            }
            if (command instanceof BatchCommand.Approve approve) {
                assertEquals(prev.revision(), approve.quotedRevision(), "approval of a stale revision accepted");
                assertTrue(approvers.add(approve.adminId()), "same admin counted twice");
            }
            if (batch.state() == BatchState.APPROVED && prev.state() == BatchState.PROPOSED) {
                assertTrue(approvers.size() >= (batch.totalSats() > THRESHOLD ? 2 : 1), "approved by " + approvers);
                twoAdminApprovals += approvers.size() == 2 ? 1 : 0;
            }
            if (command instanceof BatchCommand.MarkSigned signed) {
                assertEquals(null, firstTxid, "signed a second time");
                firstTxid = signed.transaction().txid();
                tracked.add(firstTxid);
            }
            if (command instanceof BatchCommand.RecordReplacement replacement) {
                tracked.add(replacement.transaction().txid());
            }
            if (firstTxid != null) {
                assertFalse(batch.state() == BatchState.PROPOSED || batch.state() == BatchState.APPROVED,
                        "back to " + batch.state() + " after signing");
                assertEquals(firstTxid, batch.signed().txid(), "the signed txid changed");
            }
            assertEquals(tracked, batch.knownTxids(), "txids not tracked as recorded");
            if (batch.state() == BatchState.CONFIRMED) {
                BatchCommand.MarkConfirmed confirmed = assertInstanceOf(BatchCommand.MarkConfirmed.class, command);
                assertTrue(confirmed.confirmations() >= confirmed.required(), "confirmed too early");
                assertTrue(prev.knownTxids().contains(confirmed.txid()), "confirmed by a foreign txid");
                confirmedByReplacement += confirmed.txid().equals(firstTxid) ? 0 : 1;
                confirmedAgain += reorged ? 1 : 0;
            }
            if (prev.state() == BatchState.CONFIRMED) {
                BatchCommand.MarkLeftChain left = assertInstanceOf(BatchCommand.MarkLeftChain.class, command,
                        "only a lost confirmation reopens a CONFIRMED batch");
                assertEquals(prev.confirmedTxid(), left.txid(), "reopened by a transaction that did not confirm it");
                assertEquals(BatchState.BROADCAST, batch.state(), "a reopened batch is in flight, nowhere else");
                assertEquals(null, batch.confirmedTxid());
                leftChain++;
                reorged = true;
            }
        }
        finalStates.merge(batch.state(), 1, Integer::sum);
    }

    /** Where the model knows the right refusal, checks that this is the one given. */
    private static void checkRefusalCode(BatchSnapshot b, BatchCommand command, Set<Long> approvers, Refused refused) {
        if (b.state() == BatchState.PROPOSED && command instanceof BatchCommand.Approve approve) {
            BatchReason expected = approve.quotedRevision() != b.revision() ? BatchReason.OLD_REVISION
                    : approvers.contains(approve.adminId()) ? BatchReason.ALREADY_APPROVED_BY_YOU : null;
            assertEquals(expected, refused.reason(), refused.message());
        }
        if (b.state() == BatchState.BROADCAST && command instanceof BatchCommand.MarkConfirmed confirmed) {
            assertEquals(b.isKnownTxid(confirmed.txid()) ? BatchReason.NOT_ENOUGH_CONFIRMATIONS
                    : BatchReason.UNKNOWN_TXID, refused.reason(), refused.message());
        }
        if (b.state() == BatchState.CONFIRMED && command instanceof BatchCommand.MarkLeftChain left) {
            assertEquals(BatchReason.UNKNOWN_TXID, refused.reason(), "only the confirming txid: " + left.txid());
        }
        if (b.state().isClosed() && !(command instanceof BatchCommand.MarkLeftChain || command instanceof BatchCommand.Reject
                || command instanceof BatchCommand.Fail || command instanceof BatchCommand.FailConflicted)) {
            assertTrue(refused.reason() == BatchReason.INVALID_STATE || refused.reason() == BatchReason.ALREADY_APPROVED_BY_YOU,
                    refused.message());
        }
    }

    private BatchCommand randomCommand(BatchSnapshot b) {
        int pick = random.nextInt(100);
        if (pick < 8) {
            return new BatchCommand.Revise(TOTALS[random.nextInt(TOTALS.length)]);
        } else if (pick < 35) {
            int revision = random.nextInt(4) == 0 ? Math.max(1, b.revision() + random.nextInt(3) - 1) : b.revision();
            return new BatchCommand.Approve(1 + random.nextInt(3), revision);
        } else if (pick < 37) {
            return new BatchCommand.Reject(1 + random.nextInt(3), random.nextInt(5) == 0 ? " " : "lines look wrong");
        } else if (pick < 50) {
            return new BatchCommand.MarkSigned(randomTransaction());
        } else if (pick < 58) {
            return new BatchCommand.RecordReplacement(randomTransaction());
        } else if (pick < 72) {
            return new BatchCommand.MarkBroadcast(randomTxid(b));
        } else if (pick < 91) {
            return new BatchCommand.MarkConfirmed(randomTxid(b), random.nextInt(9), 1 + random.nextInt(6));
        } else if (pick < 94) {
            return new BatchCommand.MarkLeftChain(b.confirmedTxid() != null && random.nextBoolean() ? b.confirmedTxid()
                    : randomTxid(b));
        } else if (pick < 97) {
            return new BatchCommand.Fail(random.nextInt(5) == 0 ? "" : "cannot send");
        }
        return new BatchCommand.FailConflicted("inputs spent elsewhere", randomTxid(b), random.nextInt(9),
                1 + random.nextInt(6));
    }

    /** One of five txids, each with two possible raw encodings, so conflicts of txid and bytes occur. */
    private SignedTransaction randomTransaction() {
        return BatchFixtures.tx((char) ('1' + random.nextInt(5)), random.nextInt(2));
    }

    /** Mostly a txid the batch knows, otherwise any of the five. */
    private String randomTxid(BatchSnapshot b) {
        List<String> known = b.knownTxids();
        if (!known.isEmpty() && random.nextInt(3) > 0) {
            return known.get(random.nextInt(known.size()));
        }
        return randomTransaction().txid();
    }
}
