package org.proxyfund.payout;


import java.util.Locale;
import org.proxyfund.web.Bundles;

/** Helpers the payout pages share: the bundle in the visitor's language and a batch state in words. */
public final class PayoutPages {

    private PayoutPages() {
    }

    static PayoutMessages messages(Locale locale) {
        return Bundles.of(PayoutMessages.class, locale);
    }

    /** What a batch state means for the operator paid by it. */
    public static String words(BatchState state, Locale locale) {
        PayoutMessages m = messages(locale);
        return switch (state) {
            case PROPOSED -> m.word_proposed();
            case APPROVED -> m.word_approved();
            case AWAITING_SIGNATURES -> m.word_awaiting_signatures();
            case SIGNED, BROADCAST -> m.word_in_flight();
            case CONFIRMED -> m.word_confirmed();
            case REJECTED -> m.word_rejected();
            case FAILED -> m.word_failed();
        };
    }
}
