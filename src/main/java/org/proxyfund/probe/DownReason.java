package org.proxyfund.probe;

/** Why an endpoint was found DOWN. */
public enum DownReason {
    /** Nothing accepted the TCP connection (refused, unreachable). */
    CONNECT_REFUSED,
    /** The endpoint did not answer in time, at connect or at any later step. */
    TIMEOUT,
    /** The endpoint refused the credential the service issued. */
    AUTH_REJECTED,
    /** The endpoint accepted us but did not carry traffic to the canary and back. */
    RELAY_FAILED,
    /** The endpoint answered something that is not the protocol it was registered with. */
    PROTOCOL_ERROR,
    /** The SSRF guard refused the host (it now resolves to a non-public address); nothing was sent. */
    BLOCKED_TARGET,
    /** The endpoint relayed for a client without the issued credential (no authentication or a wrong one): anyone can use it. */
    OPEN_PROXY,
    /** The endpoint relayed to the monitor's canary but not to a target its users need (a Telegram data centre). */
    CANARY_ONLY,
    /** The endpoint answered, but its ownership token is not verified (OpenVPN), so it cannot earn. */
    OWNERSHIP_UNVERIFIED
}
