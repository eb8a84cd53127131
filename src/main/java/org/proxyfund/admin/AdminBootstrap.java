package org.proxyfund.admin;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.operator.AccountSyntax;
import org.proxyfund.operator.AccountService;

/** Creates the admins named in {@code proxyfund.admin.bootstrap} at start, if absent. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    AdminConfig config;

    @Inject
    AccountService accounts;

    void onStart(@Observes StartupEvent event) {
        config.bootstrap().ifPresent(this::apply);
    }

    void apply(String setting) {
        for (String entry : setting.split(",")) {
            int colon = entry.indexOf(':');
            String handle = colon < 0 ? entry.strip() : entry.substring(0, colon).strip();
            String password = colon < 0 ? "" : entry.substring(colon + 1);
            if (AccountSyntax.checkHandle(handle).isPresent() || AccountSyntax.checkPassword(password).isPresent()) {
                // Never log the password; the handle is not secret.
                throw new IllegalStateException("proxyfund.admin.bootstrap: entry for '" + handle.replaceAll("[^A-Za-z0-9_.-]", "?")
                        + "' needs handle:password with a 3-32 character handle (letters, digits, . _ -) and a password of "
                        + AccountSyntax.PASSWORD_MIN + " to " + AccountSyntax.PASSWORD_MAX_BYTES + " bytes");
            }
            if (accounts.ensureAdmin(handle, password)) {
                LOG.infof("Created admin account '%s' from proxyfund.admin.bootstrap", handle);
            }
        }
    }
}
