package org.proxyfund.operator;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/** Localised text of an {@link AccountProblem} or {@link TransitionResult}. */
public final class Problems {

    private Problems() {
    }

    public static OperatorMessages messages(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(OperatorMessages.class, Localized.Literal.of("ru"))
                : MessageBundles.get(OperatorMessages.class);
    }

    public static String text(AccountProblem p, Locale locale) {
        OperatorMessages m = messages(locale);
        return switch (p) {
            case HANDLE_FORMAT -> m.problem_handle_format();
            case HANDLE_TAKEN -> m.problem_handle_taken();
            case PASSWORD_LENGTH -> m.problem_password_length();
            case PASSWORD_MISMATCH -> m.problem_password_mismatch();
            case EMAIL_FORMAT -> m.problem_email_format();
            case BAD_CREDENTIALS -> m.problem_bad_credentials();
            case WRONG_CURRENT_PASSWORD -> m.problem_wrong_current_password();
            case RATE_LIMITED -> m.problem_rate_limited();
        };
    }

    public static String text(TransitionResult r, Locale locale) {
        OperatorMessages m = messages(locale);
        return switch (r) {
            case DONE -> m.transition_done();
            case NOT_FOUND -> m.transition_not_found();
            case NOT_ALLOWED -> m.transition_not_allowed();
            case REASON_REQUIRED -> m.transition_reason_required();
        };
    }
}
