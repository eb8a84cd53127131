package org.proxyfund.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the admin lists and the audit log's labels; Russian in messages/adm_ru.properties. */
@MessageBundle(value = "adm", locale = "en")
public interface AdminMessages {

    @Message("All operators")
    String operators_title();

    @Message("All endpoints")
    String endpoints_title();

    @Message("all")
    String filter_all();

    @Message("Show")
    String filter_label();

    @Message("Nothing here.")
    String empty();

    @Message("more…")
    String more();

    @Message("Operator")
    String endpoint_operator();

    @Message("Retired")
    String endpoint_retired();

    @Message("{#when t}{#is 'ACCOUNT'}account{#is 'ENDPOINT'}endpoint{#is 'PAYOUT_ADDRESS'}payout address{#is 'AGENT'}probe agent{#is 'WEBHOOK'}webhook{#else}{t}{/when}")
    String subject(String t);

    @Message("signed up")
    String action_SIGNED_UP();

    @Message("admin created at start")
    String action_ADMIN_BOOTSTRAPPED();

    @Message("password changed")
    String action_PASSWORD_CHANGED();

    @Message("payout address set")
    String action_ADDRESS_SET();

    @Message("payout address proven")
    String action_ADDRESS_PROVEN();

    @Message("probe agent created")
    String action_AGENT_CREATED();

    @Message("probe agent enrolled its key")
    String action_AGENT_ENROLLED();

    @Message("probe agent revoked")
    String action_AGENT_REVOKED();

    @Message("marked as a control endpoint for probe agents")
    String action_CONTROL_MARKED();

    @Message("control endpoint mark taken off")
    String action_CONTROL_UNMARKED();

    @Message("webhook created")
    String action_WEBHOOK_CREATED();

    @Message("webhook deleted")
    String action_WEBHOOK_DELETED();

    @Message("webhook enabled again")
    String action_WEBHOOK_ENABLED();

    @Message("webhook disabled after failed deliveries")
    String action_WEBHOOK_DISABLED();

    @Message("webhook event delivered again")
    String action_WEBHOOK_REDELIVERED();

    @Message("pay put on hold")
    String action_PAY_HOLD();

    @Message("pay released")
    String action_PAY_RELEASE();

    @Message("endpoint registered")
    String action_REGISTERED();

    @Message("address changed (rotation)")
    String action_ROTATED();

    @Message("retired by its operator")
    String action_RETIRED();

    @Message("{from} → {to}")
    String action_transition(String from, String to);

    @Message("the service itself")
    String actor_system();
}
