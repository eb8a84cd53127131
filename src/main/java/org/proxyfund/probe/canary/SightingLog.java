package org.proxyfund.probe.canary;

/** Where the canary writes down that a probe agent's nonce arrived, and from which address. */
@FunctionalInterface
public interface SightingLog {

    /** Writes nothing: canaries of tests and tools that no agent uses. */
    SightingLog NONE = (nonce, source) -> { };

    /** The nonce (40 bytes) arrived from {@code source} (an IP address as text). */
    void record(byte[] nonce, String source);
}
