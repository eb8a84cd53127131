package org.proxyfund.operator;

import org.proxyfund.common.identity.Role;
import org.proxyfund.common.identity.Actor;

import org.proxyfund.common.identity.AuditService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.proxyfund.common.db.KeyLocks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Sign-up, password checks and the one place an operator's state changes. */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Outcome of a sign-up: the new account, or the problem to show. */
    public record SignUpResult(Account account, AccountProblem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditService audit;

    /** Creates a PENDING operator; the client key (keyed hash of the address) feeds the many-sign-ups flag. */
    public SignUpResult signUp(String handle, String password, String repeat, String email, String clientKey) {
        Optional<AccountProblem> p = AccountSyntax.checkHandle(handle)
                .or(() -> AccountSyntax.checkPassword(password))
                .or(() -> password.equals(repeat) ? Optional.empty() : Optional.of(AccountProblem.PASSWORD_MISMATCH))
                .or(() -> AccountSyntax.checkEmail(email));
        if (p.isPresent()) {
            return new SignUpResult(null, p.get());
        }
        // Two sign-ups racing for one handle queue here, so the second sees the first's row and gets HANDLE_TAKEN.
        KeyLocks.lock(Account.getEntityManager(), "account-handle:" + handle.toLowerCase(Locale.ROOT));
        if (Account.byHandle(handle).isPresent()) {
            return new SignUpResult(null, AccountProblem.HANDLE_TAKEN);
        }
        Account a = create(handle, password, Role.OPERATOR, OperatorState.PENDING);
        a.email = email == null || email.isBlank() ? null : email.strip();
        a.signupClientKey = clientKey;
        a.persistAndFlush();
        audit.record(a.id, a.handle, "ACCOUNT", a.id, "SIGNED_UP", null);
        return new SignUpResult(a, null);
    }

    /** Creates an admin if no account has that handle; false when one exists already. */
    public boolean ensureAdmin(String handle, String password) {
        // Replicas starting together bootstrap the same admins: one at a time, so the second finds the first's row
        // instead of failing its start on the unique handle.
        Account.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(7070660003)").getSingleResult();
        if (Account.byHandle(handle).isPresent()) {
            return false;
        }
        Account a = create(handle, password, Role.ADMIN, OperatorState.APPROVED);
        a.persistAndFlush();
        audit.record(null, AuditService.SYSTEM, "ACCOUNT", a.id, "ADMIN_BOOTSTRAPPED", null);
        return true;
    }

    private Account create(String handle, String password, Role role, OperatorState state) {
        Account a = new Account();
        a.handle = handle;
        a.passwordHash = hasher.hash(password);
        a.role = role;
        a.state = state;
        a.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.stateChangedAt = a.createdAt;
        return a;
    }

    /** The account whose handle and password match, spending equal time whether or not the handle exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> authenticate(String handle, String password) {
        if (handle == null || password == null || AccountSyntax.checkHandle(handle).isPresent()) {
            hasher.burnEqualTime(password == null ? "" : password);
            return Optional.empty();
        }
        Optional<Account> a = Account.byHandle(handle);
        if (a.isEmpty()) {
            hasher.burnEqualTime(password);
            return Optional.empty();
        }
        return hasher.matches(password, a.get().passwordHash) ? a : Optional.empty();
    }

    /** Replaces the password after checking the current one. */
    public Optional<AccountProblem> changePassword(long accountId, String current, String next, String repeat) {
        Account a = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || current == null || !hasher.matches(current, a.passwordHash)) {
            return Optional.of(AccountProblem.WRONG_CURRENT_PASSWORD);
        }
        Optional<AccountProblem> p = AccountSyntax.checkPassword(next)
                .or(() -> next.equals(repeat) ? Optional.empty() : Optional.of(AccountProblem.PASSWORD_MISMATCH));
        if (p.isPresent()) {
            return p;
        }
        a.passwordHash = hasher.hash(next);
        audit.record(a.id, a.handle, "ACCOUNT", a.id, "PASSWORD_CHANGED", null);
        return Optional.empty();
    }

    /**
     * The only way an operator's state changes: checks {@link OperatorState#canMoveTo}, requires a
     * reason for suspensions, and writes the audit log in the same transaction.
     */
    public TransitionResult transitionTo(long accountId, OperatorState next, Actor actor, String reason) {
        Account a = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.role != Role.OPERATOR) {
            return TransitionResult.NOT_FOUND;
        }
        String why = reason == null ? "" : reason.strip();
        if (next == OperatorState.SUSPENDED && why.isEmpty()) {
            return TransitionResult.REASON_REQUIRED;
        }
        if (!a.state.canMoveTo(next)) {
            return TransitionResult.NOT_ALLOWED;
        }
        OperatorState from = a.state;
        a.state = next;
        a.stateChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
        audit.record(actor.id(), actor.handle(), "ACCOUNT", a.id, from + "->" + next, why.isEmpty() ? null : why);
        return TransitionResult.DONE;
    }

    /** Forgets the sign-up client keys of accounts created before {@code cutoff}; returns how many were forgotten. */
    public int forgetSignupClientKeys(OffsetDateTime cutoff) {
        return Account.getEntityManager().createNativeQuery("UPDATE account SET signup_client_key = NULL WHERE signup_client_key IS NOT NULL AND created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
