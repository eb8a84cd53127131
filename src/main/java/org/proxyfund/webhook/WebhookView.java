package org.proxyfund.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One subscription as its owner sees it; the secret is never shown again after creation.
 *
 * @param failedInARow   deliveries given up since the last success; at proxyfund.webhook.disable-after it is disabled
 * @param disabledReason why it was disabled, when it is
 */
public record WebhookView(long id, String url, List<String> events, String state, int failedInARow,
                          @Schema(nullable = true) String disabledReason,
                          Instant createdAt) {
}
