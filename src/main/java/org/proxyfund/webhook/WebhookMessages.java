package org.proxyfund.webhook;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the account's webhook page; Russian in messages/hook_ru.properties. */
@MessageBundle(value = "hook", locale = "en")
public interface WebhookMessages {

    @Message("Webhooks")
    String page_title();

    @Message("proxyfund POSTs a signed JSON event to each URL you subscribe (docs: /openapi, the callbacks of POST /api/v1/webhooks). A receiver that keeps failing is disabled; you are alerted.")
    String intro();

    @Message("No subscriptions.")
    String none();

    @Message("URL")
    String field_url();

    @Message("Events")
    String field_events();

    @Message("State")
    String field_state();

    @Message("Subscribe")
    String create();

    @Message("Delete")
    String delete();

    @Message("Enable again")
    String enable();

    @Message("Delivery log")
    String log();

    @Message("Send again")
    String redeliver();

    @Message("Subscribed. The signing secret (shown only now; every delivery's Proxyfund-Signature is an HMAC-SHA-256 with it):")
    String created();

    @Message("Queued again.")
    String redelivered();

    @Message("{#when code}{#is 'webhook.url.missing'}Give the URL that receives the events.{#is 'webhook.url.too-long'}The URL is too long.{#is 'webhook.url.malformed'}The URL is not well-formed.{#is 'webhook.url.scheme'}The URL must start with https://.{#is 'webhook.url.refused'}Webhooks are delivered to public addresses only: this host is or resolves to a private address.{#is 'webhook.events.missing'}Choose at least one event type.{#is 'webhook.events.unknown'}Unknown event type.{#is 'webhook.limit'}You have as many subscriptions as allowed; delete one first.{#else}{code}{/when}")
    String problem(String code);

    @Message("{#when state}{#is 'ACTIVE'}active{#is 'DISABLED'}disabled{#is 'PENDING'}waiting{#is 'DELIVERED'}delivered{#is 'FAILED'}given up{#else}{state}{/when}")
    String state(String state);

    @Message("Attempts")
    String attempts();

    @Message("Event")
    String event();

    @Message("Webhook subscriptions")
    String link();
}
