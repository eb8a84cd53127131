package org.proxyfund.alert;

import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one class that speaks SMTP: sends one plain-text mail to the configured server and waits for its answer up to
 * the deadline. Never call it inside a database transaction. An expected failure (refused, unreachable, too slow) is an
 * {@link Outcome}, not an exception.
 */
@ApplicationScoped
class MailSender {

    /** What became of one attempt: sent, or the reason it was not. */
    record Outcome(boolean sent, String error, long durationMs) {
    }

    @Inject
    Vertx vertx;
    @Inject
    MailConfig config;

    /** Whether a server is configured at all. */
    boolean enabled() {
        return config.host().filter(h -> !h.isBlank()).isPresent();
    }

    Outcome send(String to, String subject, String body) {
        long start = System.nanoTime();
        if (!enabled()) {
            return new Outcome(false, "no SMTP server configured (proxyfund.mail.host)", 0);
        }
        MailMessage message = new MailMessage().setFrom(config.from()).setTo(to).setSubject(subject).setText(body);
        // A client (and its connection) per mail: a dialogue the server broke off never leaves state behind for the next.
        MailClient client = MailClient.create(vertx, mailConfig());
        try {
            client.sendMail(message).toCompletionStage().toCompletableFuture()
                    .get(config.deadline().toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(true, null, elapsed(start));
        } catch (TimeoutException e) {
            return new Outcome(false, "no answer within " + config.deadline(), elapsed(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(false, clip(cause.getClass().getSimpleName() + ": " + cause.getMessage()), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted", elapsed(start));
        } finally {
            client.close();
        }
    }

    private io.vertx.ext.mail.MailConfig mailConfig() {
        io.vertx.ext.mail.MailConfig c = new io.vertx.ext.mail.MailConfig()
                .setHostname(config.host().orElseThrow()).setPort(config.port())
                .setStarttls(StartTLSOptions.valueOf(config.starttls().toUpperCase(java.util.Locale.ROOT)))
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.deadline().toMillis()))
                .setKeepAlive(false)
                // The EHLO name: the site's host, not the machine's name looked up in DNS (slow or absent).
                .setOwnHostname(java.net.URI.create(config.siteUrl()).getHost());
        if (config.username().isPresent()) {
            c.setLogin(LoginOption.REQUIRED).setUsername(config.username().get()).setPassword(config.password().orElse(""));
        } else {
            c.setLogin(LoginOption.DISABLED);
        }
        return c;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
