package org.proxyfund.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook subscriptions and deliveries (proxyfund.webhook.*). */
@ConfigMapping(prefix = "proxyfund.webhook")
public interface WebhookConfig {

    /** How often the sender looks for deliveries that are due. */
    @WithDefault("5s")
    Duration poll();

    /** Deliveries one sender takes per look. */
    @WithDefault("20")
    int batch();

    /** The whole of one attempt: connecting, sending and reading the answer; past it the attempt failed. */
    @WithDefault("10s")
    Duration deadline();

    /** The wait before the second attempt; each later wait is four times the one before (30 s, 2 min, 8 min, ...). */
    @WithDefault("30s")
    Duration firstRetry();

    /** Attempts per delivery before it is given up as FAILED. */
    @WithDefault("6")
    int attempts();

    /** Deliveries given up in a row (no success between) after which the subscription is disabled. */
    @WithDefault("3")
    int disableAfter();

    /** Subscriptions one operator may have. */
    @WithDefault("10")
    int perOperator();

    /** Whether a subscription's URL must be https (production); dev and tests receive on plain http on loopback. */
    @WithDefault("true")
    boolean requireHttps();
}
