package org.proxyfund.operator;

/** The signed-in account as the security layer sees it; csrfToken is null for API tokens. */
public record Principal(long accountId, String handle, Role role, OperatorState state, String csrfToken) {
}
