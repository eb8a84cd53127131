package org.proxyfund.operator;


import org.proxyfund.common.validation.FieldError;
import org.proxyfund.web.Bundles;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Localised text of an {@link AccountProblem}, a {@link TransitionResult} or a {@link FieldError}. */
public final class Problems {

    private Problems() {
    }

    public static OperatorMessages messages(Locale locale) {
        return Bundles.of(OperatorMessages.class, locale);
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

    /** Field errors with their messages in the page's language (English as they come; Russian by code). */
    public static List<FieldError> localize(List<FieldError> errors, Locale locale) {
        if (!"ru".equals(locale.getLanguage())) {
            return errors;
        }
        ResourceBundle ru = ResourceBundle.getBundle("org.proxyfund.operator.FieldErrors", Locale.forLanguageTag("ru"));
        return errors.stream().map(e -> {
            String key = e.code().startsWith("endpoint.host.refused.") ? "endpoint.host.refused" : e.code();
            return ru.containsKey(key) ? new FieldError(e.field(), e.code(), ru.getString(key)) : e;
        }).toList();
    }

    /** A coded problem from the library (address or proof) in the page's language; the English text names details, so Russian adds it. */
    public static String coded(String code, String english, Locale locale) {
        if (!"ru".equals(locale.getLanguage()) || code == null) {
            return english;
        }
        ResourceBundle ru = ResourceBundle.getBundle("org.proxyfund.operator.FieldErrors", Locale.forLanguageTag("ru"));
        return ru.containsKey(code) ? ru.getString(code) + " (" + english + ")" : english;
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
