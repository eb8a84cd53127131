package org.proxyfund.ledger;

import org.proxyfund.audit.LedgerCheckService;
import org.proxyfund.audit.LedgerCheck;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LedgerServiceTest {

    @Inject
    LedgerService ledger;
    @Inject
    LedgerCheckService checks;
    @Inject
    EntityManager em;

    @Test
    void shouldBookADonationAndItsReversalAsBalancedEntries() {
        Map<String, Long> before = ledger.balances();
        long entry = QuarkusTransaction.requiringNew().call(() -> ledger.postDonationConfirmed("test donation a", 42_000L));
        assertEquals(before.getOrDefault(LedgerService.WALLET, 0L) + 42_000L, ledger.balances().get(LedgerService.WALLET));
        assertEquals(before.getOrDefault(LedgerService.DONATIONS, 0L) - 42_000L, ledger.balances().get(LedgerService.DONATIONS));
        QuarkusTransaction.requiringNew().run(() -> ledger.reverse(entry, "test reversal a"));
        assertEquals(before.getOrDefault(LedgerService.WALLET, 0L), ledger.balances().get(LedgerService.WALLET));
        assertEquals(0L, ledger.total());
        LedgerCheck check = checks.run();
        assertTrue(check.ok(), "the wallet is off in this profile: only the sum is checked");
    }

    @Test
    void shouldRefuseAnUnbalancedEntryInTheDatabaseAtCommit() {
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            long id = ((Number) em.createNativeQuery(
                    "INSERT INTO ledger_entry(kind, reference) VALUES ('DONATION_CONFIRMED', 'forged') RETURNING id")
                    .getSingleResult()).longValue();
            em.createNativeQuery("INSERT INTO ledger_line(entry_id, account, amount_sats) VALUES (?1, 'wallet', 1000)")
                    .setParameter(1, id).executeUpdate();
        }));
        assertEquals(0L, ledger.total());
    }

    @Test
    void shouldRefuseToEditOrDeletePostedLines() {
        QuarkusTransaction.requiringNew().run(() -> ledger.postDonationConfirmed("test donation b", 1_000L));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE ledger_line SET amount_sats = amount_sats * 2").executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("DELETE FROM ledger_line").executeUpdate()));
        assertEquals(0L, ledger.total());
    }

    @Test
    void shouldKeepTheLedgerAdminViewForAdminsOnly() {
        given().redirects().follow(false).get("/admin/ledger").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.containsString("/login"));
        org.proxyfund.operator.WebClient operator = new org.proxyfund.operator.WebClient();
        operator.signUp("ledger-peeker");
        operator.get("/admin/ledger").then().statusCode(403);
        org.proxyfund.operator.WebClient.admin().get("/admin/ledger").then().statusCode(200);
    }

    @Test
    void shouldPublishTransparencyWithoutAWallet() {
        given().get("/api/v1/transparency").then().statusCode(200)
                .body("network", org.hamcrest.Matchers.equalTo("regtest"))
                .body("balanceConfirmedSats", org.hamcrest.Matchers.nullValue())
                .body("payouts.explorerUrl.findAll { it != null }", org.hamcrest.Matchers.empty());
        given().get("/transparency?lang=ru").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Куда идут деньги"));
    }
}
