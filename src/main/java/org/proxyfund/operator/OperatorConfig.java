package org.proxyfund.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Accounts, sessions and abuse limits (proxyfund.operator.*). */
@ConfigMapping(prefix = "proxyfund.operator")
public interface OperatorConfig {

    /** How long a sign-in lasts before the operator must sign in again. */
    @WithDefault("12h")
    Duration sessionTtl();

    /** Mark session and CSRF cookies Secure (HTTPS only); off only in dev and test, which run on plain HTTP. */
    @WithDefault("true")
    boolean secureCookies();

    /** bcrypt cost (log2 of rounds): 12 takes about a quarter second per password check. */
    @WithDefault("12")
    int bcryptCost();

    /** Sign-ups allowed per client address within one sign-up window. */
    @WithDefault("5")
    int signupLimit();

    /** Length of the sign-up counting window. */
    @WithDefault("1h")
    Duration signupWindow();

    /** Login attempts allowed per client address within one login window. */
    @WithDefault("20")
    int loginLimit();

    /** Length of the login counting window. */
    @WithDefault("10m")
    Duration loginWindow();

    /** How long the keyed hash of a sign-up's client address is kept (for the many-sign-ups flag). */
    @WithDefault("30d")
    Duration clientKeyRetention();

    /**
     * Key for hashing client addresses (any long random string, from a Secret). Unset: one is generated
     * and kept in the database, which is weaker since a database copy then holds the key as well.
     */
    java.util.Optional<String> clientKeySecret();

    /** Sign-ups from one client address (within the retention) at which admins see a flag. */
    @WithDefault("3")
    int manySignupsThreshold();

    /**
     * Failed password checks one account accepts from strangers (and, separately, from each client it trusts, and on
     * its change-password form) before each further failure makes the next check wait.
     */
    @WithDefault("5")
    int guessFreeFailures();

    /** Wait after the first failure beyond the free ones; it doubles with every further failure. */
    @WithDefault("1s")
    Duration guessBaseDelay();

    /** The longest wait between two password checks of one account (about 100 guesses a day at 15m). */
    @WithDefault("15m")
    Duration guessMaxDelay();

    /** A throttle with no attempt for this long starts again from zero failures. */
    @WithDefault("24h")
    Duration guessForgetAfter();

    /** How long a device or client address that signed in successfully keeps its own allowance. */
    @WithDefault("30d")
    Duration trustedClientTtl();
}
