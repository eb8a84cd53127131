package org.proxyfund.webhook;

/**
 * A new subscription and its signing secret, shown this once (store it where the receiver can read it).
 *
 * @param secret the HMAC-SHA-256 key of every delivery's Proxyfund-Signature header
 */
public record WebhookCreated(WebhookView webhook, String secret) {
}
