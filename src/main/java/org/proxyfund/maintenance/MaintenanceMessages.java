package org.proxyfund.maintenance;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the maintenance page; Russian in messages/maint_ru.properties. */
@MessageBundle(value = "maint", locale = "en")
public interface MaintenanceMessages {

    @Message("Maintenance windows")
    String title();

    @Message("Declare planned work ahead of time, in whole hours (UTC). Checks keep running during a window; the downtime inside your windows is excused up to {allowance} per epoch, and counts beyond that. A window cannot be declared for time already past, and can be cancelled only before it starts. The status page and your badge show \"maintenance\" while a window is under way.")
    String intro(String allowance);

    @Message("Maintenance windows")
    String link();

    @Message("Start (UTC, a whole hour)")
    String starts_at();

    @Message("Length in hours")
    String hours();

    @Message("Declare the window")
    String declare();

    @Message("Start (UTC)")
    String col_start();

    @Message("End (UTC)")
    String col_end();

    @Message("State")
    String col_state();

    @Message("{#when state}{#is 'PLANNED'}planned{#is 'ACTIVE'}under way{#is 'DONE'}over{#else}cancelled{/when}")
    String state(String state);

    @Message("Cancel")
    String cancel();

    @Message("No windows declared.")
    String none();

    @Message("Back to the endpoint")
    String back();

    @Message("Give the start as a date and a whole hour (UTC).")
    String err_start_invalid();

    @Message("A window starts at a whole hour (minutes 0, UTC).")
    String err_not_whole_hour();

    @Message("A window must be declared before it starts.")
    String err_past();

    @Message("A window may start at most {days} days ahead.")
    String err_too_far(long days);

    @Message("A window lasts 1 to {max} whole hours.")
    String err_hours(int max);

    @Message("This endpoint has {max} windows planned or under way already; cancel one first.")
    String err_too_many(int max);

    @Message("That window has started or is over: it can no longer be cancelled.")
    String err_not_cancellable();
}
