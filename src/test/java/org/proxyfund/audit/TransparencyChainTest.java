package org.proxyfund.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proxyfund.audit.LedgerCheck;
import org.proxyfund.audit.LedgerCheckService;
import org.proxyfund.operator.WebClient;
import org.proxyfund.payout.BatchState;
import org.proxyfund.payout.PayoutBatchView;
import org.proxyfund.payout.PayoutOutcome;
import org.proxyfund.payout.PayoutQueries;
import org.proxyfund.payout.PayoutWorker;
import org.proxyfund.payout.PayoutService;
import org.proxyfund.payout.PayoutTestData;
import org.proxyfund.payout.PayoutWalletFixture;
import org.proxyfund.settlement.EpochCalendar;
import org.proxyfund.settlement.SettleResult;
import org.proxyfund.settlement.SettlementService;
import org.proxyfund.wallet.testing.RegtestNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every transparency figure against sums computed independently from the regtest node's blocks (read over its RPC,
 * outputs decoded here, never the service's tables): donations paid through the public donate page, two payout
 * batches confirmed on the chain, a settlement for the runway, then a confirmed donation taken out by a reorg.
 */
@QuarkusTest
@TestProfile(FreshChainProfile.class)
class TransparencyChainTest {

    private static final Pattern ADDRESS = Pattern.compile("<code id=\"address\">([a-z0-9]+)</code>");

    @Inject
    PayoutWalletFixture chain;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    SettlementService settlements;
    @Inject
    LedgerCheckService checks;
    @Inject
    EntityManager em;

    final RegtestNode node = RegtestNode.shared();
    final Set<String> donationAddresses = new HashSet<>();
    final Set<String> operatorAddresses = new HashSet<>();
    long owedByTest;

    /** A donor asks the public donate page for an address and pays it from the node's wallet. */
    private String donate(long sats) {
        WebClient donor = new WebClient();
        donor.get("/donate").then().statusCode(200);
        Response created = donor.post("/donate", "amount", "", "message", "");
        assertEquals(303, created.statusCode(), created.asString());
        String page = donor.get(URI.create(created.getHeader("Location")).getPath()).then().statusCode(200).extract().asString();
        Matcher m = ADDRESS.matcher(page);
        assertTrue(m.find(), page);
        donationAddresses.add(m.group(1));
        return node.sendToAddress(m.group(1), sats);
    }

    private void payBatchOf(PayoutTestData data, Map<Long, Long> owed) {
        owed.forEach((account, sats) -> {
            data.owe(account, sats);
            owedByTest += sats;
        });
        PayoutOutcome.Proposed proposed = assertInstanceOf(PayoutOutcome.Proposed.class, payouts.propose("transparency-" + UUID.randomUUID()));
        for (PayoutBatchView b : proposed.batches()) {
            payouts.approve(b.id(), data.admin(), b.revision());
            if (queries.batch(b.id()).orElseThrow().state() != BatchState.APPROVED) {
                payouts.approve(b.id(), data.admin(), b.revision());
            }
        }
        RegtestNode.await("batches sent", Duration.ofSeconds(90), () -> {
            worker.sendApproved();
            if (proposed.batches().stream().noneMatch(b -> queries.batch(b.id()).orElseThrow().state() == BatchState.APPROVED)) {
                return true;
            }
            chain.mine(1);
            return false;
        });
        RegtestNode.await("batches confirmed", Duration.ofSeconds(90), () -> {
            chain.mine(1);
            worker.track();
            return proposed.batches().stream().allMatch(b -> queries.batch(b.id()).orElseThrow().state() == BatchState.CONFIRMED);
        });
    }

    /** Waits until the service has caught up with the node, then compares every figure with the chain's. */
    private ChainBooks compare(int fromHeight, long reversedSats, int reversedCount, long settledSats, long settledSeconds,
                               long walletPendingSats) {
        chain.awaitSynced();
        ChainBooks[] books = new ChainBooks[1];
        JsonPath[] shown = new JsonPath[1];
        RegtestNode.await("the transparency figures to match the chain", Duration.ofSeconds(60), () -> {
            books[0] = ChainBooks.read(node, fromHeight, donationAddresses, operatorAddresses);
            shown[0] = given().get("/api/v1/transparency").then().statusCode(200).extract().jsonPath();
            return shown[0].getLong("totalReceivedSats") == books[0].receivedSats
                    && shown[0].getLong("balanceConfirmedSats") == books[0].balanceSats()
                    && shown[0].getInt("payouts.size()") == books[0].payoutsAtDepth(6).size()
                    && node.blockCount() == books[0].tip;
        });
        ChainBooks b = books[0];
        JsonPath t = shown[0];
        List<ChainBooks.Payout> paid = b.payoutsAtDepth(6);
        long paidSats = paid.stream().mapToLong(ChainBooks.Payout::paidSats).sum();
        long fees = paid.stream().mapToLong(ChainBooks.Payout::feeSats).sum();
        assertEquals(b.receivedSats, t.getLong("totalReceivedSats"), "received = the donation outputs in the chain");
        assertEquals(b.receivedCount, t.getInt("receivedCount"));
        assertEquals(reversedSats, t.getLong("reversedSats"), "reversed = the confirmed donation the reorg took out");
        assertEquals(reversedCount, t.getInt("reversedCount"));
        assertEquals(paidSats, t.getLong("paidToOperatorsSats"), "paid = the operators' outputs of payout transactions");
        assertEquals(paid.size(), t.getInt("payoutCount"));
        assertEquals(fees, t.getLong("minerFeesSats"), "fees = inputs − outputs of those transactions");
        assertEquals(b.balanceSats(), t.getLong("balanceConfirmedSats"), "balance = the wallet's unspent outputs in the chain");
        assertEquals(walletPendingSats, t.getLong("balanceUnconfirmedSats"), "what the wallet holds outside the chain");
        assertEquals(b.balanceSats(), t.getLong("ledgerWalletSats"), "the books' wallet account = the chain");
        assertEquals(b.receivedSats - paidSats - fees, b.balanceSats(), "the chain's own arithmetic");
        long owed = owedByTest + settledSats - paidSats;
        assertEquals(owed, t.getLong("owedToOperatorsSats"), "owed = settled − paid");
        long perDay = settledSats * 86_400 / settledSeconds;
        assertEquals(perDay, t.getLong("spentPerDaySats"));
        assertEquals((b.balanceSats() - owed) / perDay, t.getLong("runwayDays"), "runway = (balance − owed) / spending per day");
        assertEquals("regtest", t.getString("network"));
        for (ChainBooks.Payout p : paid) {
            Map<String, Object> row = t.getMap("payouts.find { it.txid == '" + p.txid() + "' }");
            assertEquals("CONFIRMED", row.get("state"), p.txid());
            assertEquals(p.height(), row.get("blockHeight"), "block of " + p.txid());
            assertEquals(Instant.ofEpochSecond(p.time()), Instant.parse((String) row.get("blockTime")), "date of " + p.txid());
            assertEquals(b.tip - p.height() + 1, row.get("confirmations"));
            assertEquals(p.paidSats(), ((Number) row.get("amountSats")).longValue());
            assertEquals(p.feeSats(), ((Number) row.get("feeSats")).longValue());
            assertEquals(p.outputs(), row.get("outputs"));
            assertNull(row.get("explorerUrl"), "regtest has no public explorer: no link rather than a mainnet one");
        }
        LedgerCheck check = checks.run();
        assertTrue(check.ok(), "the ledger check holds with the wallet: " + check);
        assertEquals(b.receivedSats, check.donationsConfirmedSats());
        return b;
    }

    @Test
    void shouldMatchEveryFigureWithTheChainAlsoAfterADonationIsReorgedOut() {
        chain.awaitSynced();
        int fromHeight = node.blockCount() + 1;
        PayoutTestData data = new PayoutTestData(em);
        for (long sats : new long[] {40_000_000L, 25_000_000L, 17_500_000L, 9_876_543L}) {
            donate(sats);
        }
        chain.mine(6);

        // a settlement of one week: an endpoint up every hour, its operator owed the whole budget
        String settledAddress = PayoutTestData.someAddress();
        long earner = data.operator(settledAddress);
        operatorAddresses.add(settledAddress);
        var week = EpochCalendar.weekly().epochContaining(Instant.parse("2025-02-12T00:00:00Z"));
        QuarkusTransaction.requiringNew().run(() -> {
            long endpoint = ((Number) em.createNativeQuery("""
                    INSERT INTO endpoint (account_id, type, label, host, port, region, protocol_fields, credential_enc, state,
                        address_version) VALUES (?1, 'SOCKS5', 'tp', 'transparency.example', 1080, 'IR', '{}', 'v1:x', 'APPROVED', 1)
                    RETURNING id""").setParameter(1, earner).getSingleResult()).longValue();
            em.createNativeQuery("""
                    INSERT INTO check_rollup_hourly (endpoint_id, hour_start, up_count, down_count, unknown_count, weak_up_count)
                    SELECT ?1, h, 10, 0, 0, 0 FROM generate_series(CAST(?2 AS timestamptz), CAST(?3 AS timestamptz) - interval '1 hour',
                    interval '1 hour') h""").setParameter(1, endpoint).setParameter(2, week.start().atOffset(ZoneOffset.UTC))
                    .setParameter(3, week.end().atOffset(ZoneOffset.UTC)).executeUpdate();
        });
        chain.awaitSynced();
        RegtestNode.await("donations booked", Duration.ofSeconds(30), () -> checks.run().donationsBookedSats() == 92_376_543L);
        SettleResult settled = settlements.settle(week);
        long settledSats = settled.settlement().distributedSats();
        assertTrue(settledSats > 0, settled.message());

        Map<Long, Long> first = new HashMap<>();
        for (long sats : new long[] {1_500_000L, 2_250_000L, 731_337L}) {
            String address = PayoutTestData.someAddress();
            operatorAddresses.add(address);
            first.put(data.operator(address), sats);
        }
        payBatchOf(data, first);
        Map<Long, Long> second = new HashMap<>();
        for (long sats : new long[] {3_000_000L, 64_000L}) {
            String address = PayoutTestData.someAddress();
            operatorAddresses.add(address);
            second.put(data.operator(address), sats);
        }
        payBatchOf(data, second);
        ChainBooks before = compare(fromHeight, 0, 0, settledSats, 7 * 86_400, 0);
        assertEquals(2, before.payoutsAtDepth(6).size(), "two confirmed payout transactions (the settled earner with the first)");

        // a confirmed donation, then a reorg that takes its block out of the chain
        chain.mine(1); // an empty mempool: bcoin then drops the invalidated block's transactions
        donate(1_234_567L);
        RegtestNode.await("the donation in the mempool", Duration.ofSeconds(20), () -> node.mempool().size() == 1);
        String block = node.mine(1).getFirst();
        ChainBooks confirmed = compare(fromHeight, 0, 0, settledSats, 7 * 86_400, 0);
        assertEquals(before.receivedSats + 1_234_567L, confirmed.receivedSats);
        node.invalidateBlock(block);
        node.mine(2);
        // the node dropped the transaction with its block; the wallet still holds it as pending (not in the chain)
        ChainBooks after = compare(fromHeight, 1_234_567L, 1, settledSats, 7 * 86_400, 1_234_567L);
        assertEquals(before.receivedSats, after.receivedSats, "the reorged donation is no longer received");
        System.out.printf("[transparency-chain] received %d sats in %d payments, paid %d sats in %d transactions, fees %d, balance %d, "
                        + "reversed 1,234,567 after the reorg%n", after.receivedSats, after.receivedCount,
                after.payoutsAtDepth(6).stream().mapToLong(ChainBooks.Payout::paidSats).sum(), after.payoutsAtDepth(6).size(),
                after.payoutsAtDepth(6).stream().mapToLong(ChainBooks.Payout::feeSats).sum(), after.balanceSats());
    }
}
