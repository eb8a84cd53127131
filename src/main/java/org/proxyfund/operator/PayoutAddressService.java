package org.proxyfund.operator;

import org.proxyfund.common.identity.AuditService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.proxyfund.wallet.address.AddressCheck;
import org.proxyfund.wallet.address.MessageProofVerifier;
import org.proxyfund.wallet.address.OwnershipChallenge;
import org.proxyfund.wallet.address.PayoutAddressValidator;
import org.proxyfund.wallet.address.ProofResult;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Sets an operator's payout address (issuing a challenge) and accepts the signature that proves it. */
@ApplicationScoped
@Transactional
public class PayoutAddressService {

    /** The address now on record, or why the typed one was refused (code and English message). */
    public record SetResult(PayoutAddress address, String code, String message) {
        public boolean ok() {
            return code == null;
        }
    }

    /** The proof outcome, with the address row as it is afterwards. */
    public record ProveResult(PayoutAddress address, ProofResult proof) {
    }

    @Inject
    PayoutAddressValidator validator;

    @Inject
    MessageProofVerifier verifier;

    @Inject
    AuditService audit;

    @Inject
    EntityManager em;

    /** Records a new address (replacing the current one, whose proof does not carry over) with a fresh challenge. */
    public SetResult setAddress(long accountId, String text) {
        AddressCheck check = validator.validate(text == null ? "" : text.strip());
        if (!check.valid()) {
            return new SetResult(null, check.code(), check.message());
        }
        Account a = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PayoutAddress.currentOf(accountId).ifPresent(old -> moveTo(old, PayoutAddressState.REPLACED, now));
        em.flush();
        PayoutAddress p = new PayoutAddress();
        p.accountId = accountId;
        p.address = check.normalized();
        p.addressType = check.type().name();
        p.challenge = OwnershipChallenge.issue("proxyfund", a.handle, p.address, now.toInstant()).text();
        p.state = PayoutAddressState.UNPROVEN;
        p.createdAt = now;
        p.persist();
        audit.record(a.id, a.handle, "PAYOUT_ADDRESS", a.id, "ADDRESS_SET", p.address);
        return new SetResult(p, null, null);
    }

    /** Checks a signature over the current challenge; a valid one marks the address PROVEN. */
    public ProveResult prove(long accountId, String signature) {
        PayoutAddress p = em.createQuery("from PayoutAddress where accountId = ?1 and state <> ?2", PayoutAddress.class)
                .setParameter(1, accountId).setParameter(2, PayoutAddressState.REPLACED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (p == null) {
            return new ProveResult(null, null);
        }
        ProofResult r = verifier.verify(p.address, p.challenge, signature == null ? "" : signature.strip());
        if (r.valid()) {
            p.proofFormat = r.format().name();
            p.signature = signature.strip();
            moveTo(p, PayoutAddressState.PROVEN, OffsetDateTime.now(ZoneOffset.UTC));
            audit.record(accountId, Account.<Account>findById(accountId).handle, "PAYOUT_ADDRESS", accountId, "ADDRESS_PROVEN", p.address);
        }
        return new ProveResult(p, r);
    }

    /**
     * The only change of an address's state after it is created: refuses a move the table does not allow (a bug, since
     * callers only replace the current address or prove an unproven one) and stamps the time the move is known by.
     */
    private static void moveTo(PayoutAddress p, PayoutAddressState next, OffsetDateTime at) {
        if (!p.state.canMoveTo(next)) {
            throw new IllegalStateException("payout address " + p.id + " cannot move from " + p.state + " to " + next);
        }
        p.state = next;
        switch (next) {
            case PROVEN -> p.provenAt = at;
            case REPLACED -> p.replacedAt = at;
            case UNPROVEN -> { }
        }
    }
}
