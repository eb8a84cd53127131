package org.proxyfund.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * The typed outcome of one health check.
 *
 * @param status       UP, DOWN or UNKNOWN
 * @param reason       why DOWN; null otherwise
 * @param latency      time from connect to the nonce coming back when UP; null otherwise
 * @param weakEvidence true when the check proves less than a relayed round trip (e.g. TCP connect only)
 * @param detail       a short English explanation for operators and logs (never a secret)
 * @param code         the same explanation as a message key and arguments, so pages show it in the reader's language;
 *                     null when only the English text exists
 */
public record CheckResult(CheckStatus status, DownReason reason, Duration latency, boolean weakEvidence, String detail,
                          Detail code) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        if ((status == CheckStatus.DOWN) != (reason != null)) {
            throw new IllegalArgumentException("A reason is given exactly when the status is DOWN");
        }
        if ((status == CheckStatus.UP) != (latency != null)) {
            throw new IllegalArgumentException("A latency is given exactly when the status is UP");
        }
        detail = detail == null ? (code == null ? "" : code.english()) : detail;
    }

    /** A result whose detail exists only as English text. */
    public CheckResult(CheckStatus status, DownReason reason, Duration latency, boolean weakEvidence, String detail) {
        this(status, reason, latency, weakEvidence, detail, null);
    }

    /** A result whose detail is a message; its English text is the stored and logged detail. */
    public CheckResult(CheckStatus status, DownReason reason, Duration latency, boolean weakEvidence, Detail code) {
        this(status, reason, latency, weakEvidence, code.english(), code);
    }

    /** Traffic went through the endpoint to the canary and back. */
    public static CheckResult up(Duration latency) {
        return new CheckResult(CheckStatus.UP, null, latency, false, Detail.of("nonce_relayed"));
    }

    /** The endpoint accepted a connection but nothing more was proven. */
    public static CheckResult upWeak(Duration latency, Detail detail) {
        return new CheckResult(CheckStatus.UP, null, latency, true, detail);
    }

    /** The endpoint failed for this reason. */
    public static CheckResult down(DownReason reason, Detail detail) {
        return new CheckResult(CheckStatus.DOWN, reason, null, false, detail);
    }

    /** The monitor could not check fairly; not the operator's fault. */
    public static CheckResult unknown(Detail detail) {
        return new CheckResult(CheckStatus.UNKNOWN, null, null, false, detail);
    }

    /** The endpoint accepted a connection but nothing more was proven. */
    public static CheckResult upWeak(Duration latency, String detail) {
        return new CheckResult(CheckStatus.UP, null, latency, true, detail);
    }

    /** The endpoint failed for this reason. */
    public static CheckResult down(DownReason reason, String detail) {
        return new CheckResult(CheckStatus.DOWN, reason, null, false, detail);
    }

    /** The monitor could not check fairly; not the operator's fault. */
    public static CheckResult unknown(String detail) {
        return new CheckResult(CheckStatus.UNKNOWN, null, null, false, detail);
    }

    /** The detail as a message to build on: the code, or the English text as it is when only that exists. */
    public Detail detailCode() {
        return code != null ? code : Detail.of("verbatim", detail);
    }

    /** True when the endpoint was found UP. */
    public boolean isUp() {
        return status == CheckStatus.UP;
    }
}
