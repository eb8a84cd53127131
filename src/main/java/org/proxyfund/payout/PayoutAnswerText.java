package org.proxyfund.payout;

import org.proxyfund.web.Bundles;

import java.util.Locale;

/**
 * The words for what an admin's action on a batch page did: the state machine's English message as it is, or the
 * same in the reader's language, from the reason and the batch as it now stands.
 */
final class PayoutAnswerText {

    private PayoutAnswerText() {
    }

    static String done(PayoutOutcome.Done d, Locale locale) {
        if (Bundles.isDefault(locale)) {
            return d.message();
        }
        PayoutAnswerMessages m = Bundles.of(PayoutAnswerMessages.class, locale);
        PayoutBatchView b = d.batch();
        return switch (d.note()) {
            case DONE -> m.done();
            case UNCHANGED -> m.unchanged(state(b.state(), locale));
            case NEEDS_SECOND_ADMIN -> m.needs_second_admin(b.totalSats(), b.twoAdminThresholdSats(), b.revision());
        };
    }

    /** {@code rejecting}: the refused command was a rejection, whose only unusable input is its reason. */
    static String refused(PayoutOutcome.Refused r, PayoutBatchView now, boolean rejecting, Locale locale) {
        if (Bundles.isDefault(locale)) {
            return r.message();
        }
        PayoutAnswerMessages m = Bundles.of(PayoutAnswerMessages.class, locale);
        return switch (r.reason()) {
            case OLD_REVISION -> m.old_revision(now.revision());
            case ALREADY_APPROVED_BY_YOU -> m.already_approved_by_you(now.revision());
            case INVALID_INPUT -> rejecting ? m.invalid_input(BatchStateMachine.MAX_REASON_LENGTH) : r.message();
            case INVALID_STATE -> m.invalid_state(state(now.state(), locale));
            default -> r.message();
        };
    }

    private static String state(BatchState s, Locale locale) {
        return PayoutPages.messages(locale).batch_state(s.name());
    }
}
