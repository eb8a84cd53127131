package org.proxyfund.alert;

/**
 * Where an operator's alerts go besides the webhook subscriptions (which choose their event types themselves): by
 * e-mail (to the verified address) and into the private feed; {@code digest} gathers a day's e-mail alerts into one mail.
 */
public record AlertSettings(boolean email, boolean feed, boolean digest) {

    /** Without settings: e-mail and feed, one mail per alert. */
    public static final AlertSettings DEFAULT = new AlertSettings(true, true, false);
}
