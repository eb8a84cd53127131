package org.proxyfund.operator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax of handles, passwords and e-mail addresses, shared by pages, API and bootstrap. */
public final class AccountSyntax {

    /** 3 to 32 letters, digits, dot, dash or underscore: no markup, no look-alike Unicode. */
    public static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
    public static final int PASSWORD_MIN = 10;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
    public static final int PASSWORD_MAX_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,189}\\.[^@\\s<>\"]{1,63}");

    private AccountSyntax() {
    }

    public static Optional<AccountProblem> checkHandle(String handle) {
        return handle != null && HANDLE.matcher(handle).matches() ? Optional.empty() : Optional.of(AccountProblem.HANDLE_FORMAT);
    }

    public static Optional<AccountProblem> checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN
                || password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            return Optional.of(AccountProblem.PASSWORD_LENGTH);
        }
        return Optional.empty();
    }

    public static Optional<AccountProblem> checkEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return email.length() <= 254 && EMAIL.matcher(email.strip()).matches() ? Optional.empty() : Optional.of(AccountProblem.EMAIL_FORMAT);
    }
}
