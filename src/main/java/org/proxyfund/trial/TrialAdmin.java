package org.proxyfund.trial;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.operator.AccountService;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Trial mode's admin: created on the first start with a random password that is written to the log this once (the
 * account stores only its hash, like any other); later starts find the account and print nothing.
 */
@ApplicationScoped
public class TrialAdmin {

    private static final Logger LOG = Logger.getLogger(TrialAdmin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TrialMode trial;
    @Inject
    TrialConfig config;
    @Inject
    AccountService accounts;

    void onStart(@Observes StartupEvent event) {
        create(config.adminHandle());
    }

    /** Creates the admin {@code handle} if trial mode is on and it does not exist yet; its password, if created. */
    Optional<String> create(String handle) {
        if (!trial.on()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (!accounts.ensureAdmin(handle, password)) {
            return Optional.empty();
        }
        LOG.warnf("%n%n  Trial mode: created the admin account '%s' with the password %s%n"
                + "  Sign in at /login. This password is shown this once and never again (only its hash is stored).%n",
                handle, password);
        return Optional.of(password);
    }
}
