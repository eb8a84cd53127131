package org.proxyfund.admin;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Admin accounts (proxyfund.admin.*): admins never sign up, they come from this setting. */
@ConfigMapping(prefix = "proxyfund.admin")
public interface AdminConfig {

    /**
     * {@code handle:password[,handle:password...]}: admins created at start if no account has the
     * handle (an existing account is left alone; change its password on its account page). Unset: none.
     */
    Optional<String> bootstrap();
}
