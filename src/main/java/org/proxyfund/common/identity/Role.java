package org.proxyfund.common.identity;

/** What an account may do: run endpoints (operator) or run the service (admin). */
public enum Role {
    OPERATOR, ADMIN;

    /** The role name used with {@code @RolesAllowed}. */
    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
