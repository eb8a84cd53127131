package org.proxyfund.status;

/** What an operator can do with an endpoint's public badge. */
public enum BadgeAction {
    /** Publish a badge under a new random id (nothing changes if one is published). */
    PUBLISH,
    /** Replace the id: the old address stops working at once on this replica, within cache-for on the others. */
    ROTATE,
    /** Stop publishing: the badge's address answers 404. */
    REVOKE
}
