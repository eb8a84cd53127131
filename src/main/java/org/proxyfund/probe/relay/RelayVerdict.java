package org.proxyfund.probe.relay;

import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckStatus;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;

/**
 * Combines what the connections of one relaying check showed into its result: relaying without our credential
 * (OPEN_PROXY) outweighs everything; an unreachable endpoint or a failed canary connection is the check's failure;
 * reaching the canary but not Telegram, which the monitor reaches itself, is CANARY_ONLY; otherwise UP.
 */
final class RelayVerdict {

    private RelayProbes.CanaryProbe canary;
    private RelayProbes.TargetProbe target;
    private RelayConnection.Outcome unreachable;
    private Detail open;
    private boolean controlRefused;
    private boolean triedNoAuth;

    void canary(RelayProbes.CanaryProbe probe) {
        canary = probe;
        if (probe.outcome().unreachable()) unreachable = probe.outcome();
    }

    void userTarget(RelayProbes.TargetProbe probe) {
        target = probe;
        if (probe.state() == RelayProbes.TargetState.UNREACHABLE) unreachable = probe.outcome();
    }

    /** A negative control: {@code relayed} when the endpoint carried our nonce for a client without our credential. */
    void control(boolean noAuth, boolean relayed) {
        triedNoAuth |= noAuth;
        if (relayed) {
            open = Detail.of(noAuth ? "open_no_auth" : "open_wrong_credential");
        } else {
            controlRefused = true;
        }
    }

    /** Nothing the remaining connections show can change the result. */
    boolean decided() {
        return open != null || unreachable != null || (canary != null && !canary.outcome().ok());
    }

    /** The issued credential was refused (then a no-authentication control tells a proxy that takes anyone). */
    boolean authRejected() {
        return open == null && unreachable == null && canary != null && !canary.outcome().ok()
                && canary.outcome().failure().reason() == DownReason.AUTH_REJECTED;
    }

    boolean triedNoAuth() {
        return triedNoAuth;
    }

    CheckResult result() {
        if (open != null) {
            return CheckResult.down(DownReason.OPEN_PROXY, open);
        }
        if (unreachable != null) return unreachable.failure();
        if (!canary.outcome().ok()) return canary.outcome().failure();
        if (target != null && target.state() == RelayProbes.TargetState.NOT_RELAYED) {
            return CheckResult.down(DownReason.CANARY_ONLY, Detail.of("canary_only", target.detail()));
        }
        Detail detail = Detail.of("relayed_to_canary");
        if (target != null) detail = Detail.of("joined", detail, target.detail());
        if (controlRefused) detail = Detail.of("joined", detail, Detail.of("control_refused"));
        if (canary.note() != null) detail = Detail.of("joined", detail, canary.note());
        return new CheckResult(CheckStatus.UP, null, canary.outcome().latency(), false, detail);
    }
}
