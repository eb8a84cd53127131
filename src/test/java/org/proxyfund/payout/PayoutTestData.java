package org.proxyfund.payout;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.proxyfund.ledger.LedgerQueries;
import org.proxyfund.ledger.LedgerService;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Operators, admins and payable balances written straight into PostgreSQL, as the earlier steps would leave them. */
public final class PayoutTestData {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final EntityManager em;

    public PayoutTestData(EntityManager em) {
        this.em = em;
    }

    /** An APPROVED operator with a PROVEN payout address; returns the account id. */
    public long operator(String address) {
        return operator(address, "APPROVED", "PROVEN");
    }

    /** An operator in {@code accountState} whose payout address is in {@code addressState}. */
    public long operator(String address, String accountState, String addressState) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long id = ((Number) em.createNativeQuery("""
                    INSERT INTO account (handle, password_hash, role, state) VALUES (?1, ?2, 'OPERATOR', ?3) RETURNING id""")
                    .setParameter(1, "payee" + SEQ.incrementAndGet()).setParameter(2, "x".repeat(60))
                    .setParameter(3, accountState).getSingleResult()).longValue();
            boolean proven = "PROVEN".equals(addressState);
            em.createNativeQuery("""
                    INSERT INTO payout_address (account_id, address, address_type, challenge, state, proof_format, proven_at)
                    VALUES (?1, ?2, 'P2WPKH', ?3, ?4, CAST(?5 AS TEXT), CASE WHEN ?6 THEN now() END)""")
                    .setParameter(1, id).setParameter(2, address).setParameter(3, "prove this address for the payout tests")
                    .setParameter(4, addressState).setParameter(5, proven ? "BIP322_SIMPLE" : null).setParameter(6, proven)
                    .executeUpdate();
            return id;
        });
    }

    /** An admin account; returns its id. */
    public long admin() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO account (handle, password_hash, role, state) VALUES (?1, ?2, 'ADMIN', 'APPROVED') RETURNING id""")
                .setParameter(1, "admin" + SEQ.incrementAndGet()).setParameter(2, "x".repeat(60)).getSingleResult()).longValue());
    }

    /** Credits {@code sats} to the operator's payable balance, as a settlement does (donations → operator). */
    public void owe(long accountId, long sats) {
        QuarkusTransaction.requiringNew().run(() -> ledger().postSettlement("test settlement " + SEQ.incrementAndGet(),
                java.util.Map.of(accountId, sats)));
    }

    /**
     * Books a confirmed donation of {@code sats} without a real payment, so tests that book payouts without a wallet
     * keep the shared test database's ledger wallet account from going below zero.
     */
    public void fundLedger(long sats) {
        QuarkusTransaction.requiringNew().run(() -> ledger().postDonationConfirmed("test funding " + SEQ.incrementAndGet(), sats));
    }

    /** The operator's payable balance in the ledger (what is owed to them). */
    public long payable(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(LedgerQueries.class).get().payableSats(accountId));
    }

    private static LedgerService ledger() {
        return Arc.container().instance(LedgerService.class).get();
    }

    /** A fresh, valid regtest P2WPKH address nobody holds the key of (a payout to it is visible on the chain). */
    public static String someAddress() {
        byte[] program = new byte[20];
        ThreadLocalRandom.current().nextBytes(program);
        return org.bitcoinj.base.SegwitAddress.fromProgram(org.bitcoinj.base.BitcoinNetwork.REGTEST, 0, program).toString();
    }

    /** A stand-in signed transaction (random txid and bytes) for tests of the state bookkeeping that never broadcast. */
    public static SignedTransaction someTransaction() {
        byte[] raw = new byte[120];
        ThreadLocalRandom.current().nextBytes(raw);
        byte[] id = new byte[32];
        ThreadLocalRandom.current().nextBytes(id);
        return new SignedTransaction(HexFormat.of().formatHex(id), raw);
    }
}
