package org.proxyfund.probe.canary;

/**
 * What a relaying check needs of a canary: whether it can answer now, a frame with a fresh nonce to send through the
 * proxy, the answer that must come back, and the address proxies are asked to connect to. The service's
 * {@link Canary} makes its own frames; a probe agent uses frames the service leased to it with the work.
 */
public interface CanaryFrames {

    /** True while a check through this canary is fair; a check with the canary down is UNKNOWN, not DOWN. */
    boolean isRunning();

    /** A frame with a fresh nonce, to send through a proxy. */
    byte[] newFrame();

    /** What the canary answers to the frame. */
    byte[] expectedAnswer(byte[] frame);

    /** The host checkers ask proxies to connect to. */
    String publicHost();

    /** The port checkers ask proxies to connect to. */
    int publicPort();
}
