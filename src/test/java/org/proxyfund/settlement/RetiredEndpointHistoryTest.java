package org.proxyfund.settlement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.endpoint.EndpointRetirement;
import org.proxyfund.ledger.LedgerService;
import org.proxyfund.operator.Account;
import org.proxyfund.common.identity.Actor;
import org.proxyfund.operator.WebClient;
import org.proxyfund.payout.PayoutOutcome;
import org.proxyfund.payout.PayoutQueries;
import org.proxyfund.payout.PayoutService;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyfund.settlement.SettlementFixtures.cleanUp;
import static org.proxyfund.settlement.SettlementFixtures.endpoint;
import static org.proxyfund.settlement.SettlementFixtures.exec;
import static org.proxyfund.settlement.SettlementFixtures.fund;
import static org.proxyfund.settlement.SettlementFixtures.scalar;
import static org.proxyfund.settlement.SettlementFixtures.week;

/**
 * Retiring an endpoint changes nothing in the past: its settlement lines and the operator's share stay, the earnings
 * page still shows it, and what it earned is still paid; only new epochs go without it.
 */
@QuarkusTest
class RetiredEndpointHistoryTest {

    @Inject
    SettlementService service;

    @Inject
    LedgerService ledger;

    @Inject
    DataSource ds;

    @Inject
    EndpointRetirement retirement;

    @Inject
    PayoutService payouts;

    @Inject
    PayoutQueries payoutQueries;

    @BeforeEach
    void setUp() {
        cleanUp(ds, ledger);
        fund(ledger, 40_000_000L);
    }

    @AfterEach
    void tearDown() {
        cleanUp(ds, ledger);
    }

    @Test
    void shouldKeepARetiredEndpointsSettlementsAndPayAndEarnNothingAfter() {
        WebClient web = new WebClient();
        String handle = web.signUp("retires-later");
        long op = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().id);
        exec(ds, "UPDATE account SET state = 'APPROVED' WHERE id = ?", op);
        exec(ds, "INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)"
                + " VALUES (?, ?, 'P2WPKH', 'challenge text for the test ....', 'PROVEN', 'BIP137', now())", op, org.proxyfund.payout.PayoutTestData.someAddress());
        long ep = endpoint(ds, op, "SOCKS5", "Iran");
        Epoch first = service.calendar().epochContaining(Instant.parse("2025-08-06T00:00:00Z"));
        week(ds, ep, first, 60, 0, 0);
        Settlement s = service.settle(first).settlement();
        long share = scalar(ds, "SELECT amount_sats FROM settlement_share WHERE settlement_id = ? AND operator_id = ?", s.id(), op);
        assertTrue(share > 0, "the endpoint earned in the first epoch");

        assertEquals(EndpointRetirement.Outcome.RETIRED, retirement.retire(op, ep, new Actor(op, handle)));

        assertEquals(share, scalar(ds, "SELECT amount_sats FROM settlement_share WHERE settlement_id = ? AND operator_id = ?", s.id(), op));
        assertEquals("COUNTED", SettlementFixtures.query(ds, "SELECT outcome FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?",
                rs -> rs.getString(1), s.id(), ep).get(0));
        web.get("/account/earnings").then().statusCode(200).body(containsString("ep SOCKS5")).body(containsString(first.key()));
        WebClient.admin().get("/admin/settlements/" + first.key()).then().statusCode(200).body(containsString("ep SOCKS5"));

        // The next epoch: the scheduler never leases it, so no checks and no line.
        Epoch next = service.calendar().epochContaining(first.end());
        Settlement s2 = service.settle(next).settlement();
        assertEquals(0, scalar(ds, "SELECT count(*) FROM settlement_endpoint WHERE settlement_id = ? AND endpoint_id = ?", s2.id(), ep));

        // What it earned before retiring is still paid.
        PayoutOutcome proposed = payouts.propose("retired-" + UUID.randomUUID());
        assertTrue(proposed instanceof PayoutOutcome.Proposed, proposed.toString());
        List<Long> batches = ((PayoutOutcome.Proposed) proposed).batches().stream().map(b -> b.id()).toList();
        try {
            long paid = batches.stream().flatMap(b -> payoutQueries.lines(b).stream()).filter(l -> l.accountId() == op)
                    .mapToLong(l -> l.amountSats()).sum();
            assertEquals(share, paid, "the retired endpoint's earnings are in the payout");
        } finally {
            long admin = QuarkusTransaction.requiringNew().call(() -> Account.byHandle("root-admin").orElseThrow().id);
            batches.forEach(b -> payouts.reject(b, admin, "test clean-up"));
        }
    }
}
