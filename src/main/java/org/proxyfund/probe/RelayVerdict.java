package org.proxyfund.probe;

/**
 * Combines what the connections of one relaying check showed into its result: relaying without our credential
 * (OPEN_PROXY) outweighs everything; an unreachable endpoint or a failed canary connection is the check's failure;
 * reaching the canary but not Telegram, which the monitor reaches itself, is CANARY_ONLY; otherwise UP.
 */
final class RelayVerdict {

    private RelayProbes.CanaryProbe canary;
    private RelayProbes.TargetProbe target;
    private RelayConnection.Outcome unreachable;
    private String open;
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
            open = noAuth ? "it relayed our nonce to the canary for a client that offered no authentication at all"
                    : "it relayed our nonce to the canary for a client with a username and password we never issued";
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
            return CheckResult.down(DownReason.OPEN_PROXY, open + ": anyone can use it, so it proves nothing about who runs it. "
                    + "Configure the issued credential so that only it is relayed.");
        }
        if (unreachable != null) return unreachable.failure();
        if (!canary.outcome().ok()) return canary.outcome().failure();
        if (target != null && target.state() == RelayProbes.TargetState.NOT_RELAYED) {
            return CheckResult.down(DownReason.CANARY_ONLY, "it relayed our nonce to the canary, but " + target.detail());
        }
        StringBuilder detail = new StringBuilder("nonce relayed through the endpoint to the canary");
        if (target != null) detail.append("; ").append(target.detail());
        if (controlRefused) detail.append("; it refused a client without our credential");
        if (canary.note() != null) detail.append("; ").append(canary.note());
        return new CheckResult(CheckStatus.UP, null, canary.outcome().latency(), false, detail.toString());
    }
}
