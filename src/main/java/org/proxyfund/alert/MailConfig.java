package org.proxyfund.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The SMTP server e-mail alerts go through, and their sending (proxyfund.mail.*). Without a host no mail is sent. */
@ConfigMapping(prefix = "proxyfund.mail")
public interface MailConfig {

    /** The SMTP server's host name; unset (the default) turns e-mail off: addresses cannot be added, nothing is queued. */
    Optional<String> host();

    /** The SMTP server's port (587: submission with STARTTLS). */
    @WithDefault("587")
    int port();

    /** The sender of every mail (the From header and the envelope sender). */
    @WithDefault("proxyfund <alerts@localhost>")
    String from();

    /** The user name to log in to the SMTP server with; unset sends without logging in. */
    Optional<String> username();

    /** The password of that user name. */
    Optional<String> password();

    /** STARTTLS: REQUIRED (refuse a server without it), OPTIONAL (use it when offered) or DISABLED. */
    @WithDefault("REQUIRED")
    String starttls();

    /** How often the sender looks for mail that is due. */
    @WithDefault("5s")
    Duration poll();

    /** Mails one sender takes per look. */
    @WithDefault("20")
    int batch();

    /** The whole of one attempt (connecting, the SMTP dialogue); past it the attempt failed. */
    @WithDefault("30s")
    Duration deadline();

    /** The wait before the second attempt; each later wait is four times the one before (1 min, 4 min, 16 min, ...). */
    @WithDefault("1m")
    Duration firstRetry();

    /** Attempts per mail before it is given up as FAILED. */
    @WithDefault("6")
    int attempts();

    /** How long a verification link stays valid. */
    @WithDefault("48h")
    Duration verifyValidity();

    /** The site's address as operators reach it, for links in mail (the verification link, the endpoint pages). */
    @WithDefault("http://localhost:8080")
    String siteUrl();
}
