package org.proxyfund.payout;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/** Helpers the payout pages share: the bundle in the visitor's language and a batch state in words. */
public final class PayoutPages {

    private PayoutPages() {
    }

    static PayoutMessages messages(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(PayoutMessages.class, Localized.Literal.of("ru"))
                : MessageBundles.get(PayoutMessages.class);
    }

    /** What a batch state means for the operator paid by it. */
    public static String words(BatchState state, Locale locale) {
        PayoutMessages m = messages(locale);
        return switch (state) {
            case PROPOSED -> m.word_proposed();
            case APPROVED -> m.word_approved();
            case SIGNED, BROADCAST -> m.word_in_flight();
            case CONFIRMED -> m.word_confirmed();
            case REJECTED -> m.word_rejected();
            case FAILED -> m.word_failed();
        };
    }
}
