package org.proxyfund.probe.schedule;

import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.OwnershipStatus;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;

import java.util.function.LongFunction;

/**
 * An OpenVPN check proves only that the server holds the operator's key, which anyone can copy from a commercial
 * VPN's client files: its UP counts only while the endpoint's ownership token is verified, else it is DOWN
 * OWNERSHIP_UNVERIFIED and earns nothing.
 */
public final class OwnershipGate {

    private final LongFunction<OwnershipStatus> status;

    /** A gate reading each endpoint's status from {@code status} (OwnershipService::status). */
    public OwnershipGate(LongFunction<OwnershipStatus> status) {
        this.status = status;
    }

    /** A gate that lets everything through (tests of the checkers alone). */
    public static OwnershipGate open() {
        return new OwnershipGate(id -> new OwnershipStatus(true, null, null, null, null));
    }

    /** The result as it may count for this endpoint. */
    public CheckResult apply(long endpointId, EndpointType type, CheckResult result) {
        if (type != EndpointType.OPENVPN || !result.isUp()) return result;
        OwnershipStatus s = status.apply(endpointId);
        if (s.verified()) return result;
        return CheckResult.down(DownReason.OWNERSHIP_UNVERIFIED,
                s.message() == null ? Detail.of("ownership_not_yet") : Detail.of("ownership_not_verified", s.message()));
    }
}
