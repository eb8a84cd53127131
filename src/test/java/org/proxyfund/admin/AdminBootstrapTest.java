package org.proxyfund.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.Account;
import org.proxyfund.common.identity.Role;
import org.proxyfund.operator.WebClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins come from proxyfund.admin.bootstrap: created once, never overwritten, bad entries stop the start. */
@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AdminBootstrap bootstrap;

    @Test
    void shouldCreateTheConfiguredAdminOnceAndLeaveAnExistingAccountAlone() {
        Account admin = QuarkusTransaction.requiringNew().call(() -> Account.byHandle("root-admin").orElseThrow());
        assertEquals(Role.ADMIN, admin.role);
        bootstrap.apply("root-admin:a-different-password");
        new WebClient().logIn("root-admin", "a-different-password").then().statusCode(401);
        bootstrap.apply("second-admin:second-admin-password");
        new WebClient().logIn("second-admin", "second-admin-password").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin"));
    }

    @Test
    void shouldRefuseAMalformedEntryWithoutRevealingThePassword() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bootstrap.apply("bad admin:tiny-pw"));
        assertTrue(e.getMessage().contains("proxyfund.admin.bootstrap"), e.getMessage());
        assertFalse(e.getMessage().contains("tiny-pw"), "password never in the message");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Account.byHandle("bad admin").isEmpty()));
    }
}
