package org.proxyfund.endpoint;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the endpoint pages that are the endpoint package's own (retirement); Russian in messages/ep_ru.properties. */
@MessageBundle(value = "ep", locale = "en")
public interface EndpointMessages {

    @Message("Recently retired")
    String retired_heading();

    @Message("Retire this endpoint")
    String retire_heading();

    @Message("Retiring is final: the endpoint is never checked or paid again, no longer counts against your limit of endpoints, and its address becomes free. Its uptime history, past settlements and payouts stay as they are.")
    String retire_hint();

    @Message("I understand: this endpoint will never be checked or paid again.")
    String retire_confirm();

    @Message("Retire endpoint")
    String retire_button();

    @Message("Tick the box to confirm the retirement.")
    String retire_confirm_missing();

    @Message("Retired on {date}: no longer checked or paid. Its history stays below.")
    String retired_notice(java.time.LocalDate date);
}
