package org.proxyfund.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;

/**
 * One attempt of one delivery: the receiver's address checked by the SSRF guard again (DNS answers change), then a
 * signed POST within the deadline, redirects not followed. Only the status counts: the answer's body is not read, so
 * a receiver cannot make a sender wait on an endless or trickling answer, nor fill its memory.
 */
@ApplicationScoped
class WebhookSender {

    /** What an attempt came to: a status (any), or none and why. */
    record Outcome(Integer status, String error, long durationMs) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final WebhookConfig config;
    private final HostGuard guard;

    @Inject
    WebhookSender(WebhookConfig config, HostGuard guard) {
        this.config = config;
        this.guard = guard;
        this.client = HttpClient.newBuilder().connectTimeout(config.deadline()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    Outcome send(String url, String secret, String eventId, String type, String payload) {
        long start = System.nanoTime();
        URI uri = URI.create(url);
        HostVerdict verdict = guard.check(uri.getHost());
        if (!verdict.allowed()) {
            return new Outcome(null, "address refused: " + verdict.message(), elapsed(start));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.deadline())
                .header("Content-Type", "application/json")
                .header("User-Agent", "proxyfund-webhooks/1")
                .header("Proxyfund-Event", type)
                .header("Proxyfund-Event-Id", eventId)
                .header(WebhookSigner.HEADER, WebhookSigner.header(secret, Instant.now().getEpochSecond(), payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the status is the answer; the body is never waited for
            return new Outcome(response.statusCode(), response.statusCode() / 100 == 2 ? null
                    : "the receiver answered " + response.statusCode(), elapsed(start));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "no answer within " + config.deadline().toSeconds() + " s", elapsed(start));
        } catch (IOException e) {
            return new Outcome(null, "could not deliver: " + clip(String.valueOf(e.getMessage())), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted while delivering", elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String clip(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300);
    }
}
