package org.proxyfund.common.identity;

/**
 * The signed-in account as the security layer sees it; csrfToken is null for API tokens. The operator package builds it
 * at sign-in and puts it on the security identity under {@link #ATTRIBUTE}; every other package only reads it.
 */
public record Principal(long accountId, String handle, Role role, boolean suspended, String csrfToken) {

    /** The security identity's attribute that carries the principal. */
    public static final String ATTRIBUTE = "proxyfund.principal";
}
