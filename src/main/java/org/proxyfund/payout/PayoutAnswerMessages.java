package org.proxyfund.payout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What an admin's action on a batch page did, in a language other than English (the English is the state machine's
 * own message); Russian in messages/payans_ru.properties.
 */
@MessageBundle(value = "payans", locale = "en")
public interface PayoutAnswerMessages {

    @Message("Done.")
    String done();

    @Message("Nothing to change: the batch is already {state}.")
    String unchanged(String state);

    @Message("Approval recorded; the total of {total} sats is over the two-admin threshold of {threshold} sats, so a"
            + " second, different admin must approve revision {revision}.")
    String needs_second_admin(long total, long threshold, int revision);

    @Message("Your approval quotes an earlier revision, but the batch is now at revision {revision}: review the changed"
            + " lines and approve again.")
    String old_revision(int revision);

    @Message("You already approved revision {revision} of this batch.")
    String already_approved_by_you(int revision);

    @Message("Give a reason of at most {max} characters.")
    String invalid_input(int max);

    @Message("Not possible while the batch is {state}.")
    String invalid_state(String state);
}
