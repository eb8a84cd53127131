package org.proxyfund.operator;

import org.proxyfund.common.identity.Actor;
import org.proxyfund.common.identity.AuditEntry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operator state transition, allowed and refused, and the audit line each change leaves. */
@QuarkusTest
class OperatorStateTest {

    @Inject
    AccountService accounts;

    private final Actor admin = new Actor(null, "test-admin");

    private long newOperator() {
        String handle = new WebClient().signUp("state");
        return Account.byHandle(handle).orElseThrow().id;
    }

    private OperatorState stateOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(id).state);
    }

    @Test
    void shouldAllowExactlyTheTransitionsOfTheTable() {
        for (OperatorState from : OperatorState.values()) {
            for (OperatorState to : OperatorState.values()) {
                boolean expected = (from == OperatorState.PENDING && to != OperatorState.PENDING)
                        || (from == OperatorState.APPROVED && to == OperatorState.SUSPENDED)
                        || (from == OperatorState.SUSPENDED && to == OperatorState.APPROVED);
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void shouldApproveSuspendAndReapproveWithAnAuditLineEachTime() {
        long id = newOperator();
        assertEquals(TransitionResult.DONE, accounts.transitionTo(id, OperatorState.APPROVED, admin, "looks fine"));
        assertEquals(OperatorState.APPROVED, stateOf(id));
        assertEquals(TransitionResult.DONE, accounts.transitionTo(id, OperatorState.SUSPENDED, admin, "proxy resold"));
        assertEquals(OperatorState.SUSPENDED, stateOf(id));
        assertEquals(TransitionResult.DONE, accounts.transitionTo(id, OperatorState.APPROVED, admin, "explained"));
        assertEquals(OperatorState.APPROVED, stateOf(id));
        List<AuditEntry> log = QuarkusTransaction.requiringNew().call(() -> AuditEntry.forSubject("ACCOUNT", id));
        assertEquals(List.of("SIGNED_UP", "PENDING->APPROVED", "APPROVED->SUSPENDED", "SUSPENDED->APPROVED"),
                log.stream().map(e -> e.action).toList());
        AuditEntry suspension = log.get(2);
        assertEquals("test-admin", suspension.actorHandle);
        assertEquals("proxy resold", suspension.detail);
        assertTrue(suspension.at != null);
    }

    @Test
    void shouldSuspendAPendingOperatorDirectly() {
        long id = newOperator();
        assertEquals(TransitionResult.DONE, accounts.transitionTo(id, OperatorState.SUSPENDED, admin, "spam sign-up"));
        assertEquals(OperatorState.SUSPENDED, stateOf(id));
    }

    @Test
    void shouldRefuseTransitionsOutsideTheTableAndLeaveTheStateAlone() {
        long id = newOperator();
        assertEquals(TransitionResult.NOT_ALLOWED, accounts.transitionTo(id, OperatorState.PENDING, admin, "again"));
        accounts.transitionTo(id, OperatorState.APPROVED, admin, null);
        assertEquals(TransitionResult.NOT_ALLOWED, accounts.transitionTo(id, OperatorState.APPROVED, admin, "twice"));
        assertEquals(TransitionResult.NOT_ALLOWED, accounts.transitionTo(id, OperatorState.PENDING, admin, "back"));
        assertEquals(OperatorState.APPROVED, stateOf(id));
        accounts.transitionTo(id, OperatorState.SUSPENDED, admin, "x");
        assertEquals(TransitionResult.NOT_ALLOWED, accounts.transitionTo(id, OperatorState.SUSPENDED, admin, "twice"));
        assertEquals(TransitionResult.NOT_ALLOWED, accounts.transitionTo(id, OperatorState.PENDING, admin, "back"));
        assertEquals(OperatorState.SUSPENDED, stateOf(id));
    }

    @Test
    void shouldRequireAReasonToSuspendAndRefuseUnknownOrAdminAccounts() {
        long id = newOperator();
        assertEquals(TransitionResult.REASON_REQUIRED, accounts.transitionTo(id, OperatorState.SUSPENDED, admin, "  "));
        assertEquals(OperatorState.PENDING, stateOf(id));
        assertEquals(TransitionResult.NOT_FOUND, accounts.transitionTo(Long.MAX_VALUE, OperatorState.APPROVED, admin, null));
        long adminId = QuarkusTransaction.requiringNew().call(() -> Account.byHandle("root-admin").orElseThrow().id);
        assertEquals(TransitionResult.NOT_FOUND, accounts.transitionTo(adminId, OperatorState.SUSPENDED, admin, "no"));
    }
}
