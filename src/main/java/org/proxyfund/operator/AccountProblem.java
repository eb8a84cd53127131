package org.proxyfund.operator;

/** Expected reasons an account operation is refused; each has a message in {@link OperatorMessages}. */
public enum AccountProblem {
    HANDLE_FORMAT, HANDLE_TAKEN, PASSWORD_LENGTH, PASSWORD_MISMATCH, EMAIL_FORMAT,
    BAD_CREDENTIALS, WRONG_CURRENT_PASSWORD, RATE_LIMITED
}
