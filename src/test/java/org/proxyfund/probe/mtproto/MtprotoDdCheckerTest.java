package org.proxyfund.probe.mtproto;

import org.proxyfund.common.testing.PlainLane;
import org.proxyfund.probe.DownReason;

/** The MTProto checker in the dd (padded intermediate) form, for an endpoint without a fake-TLS domain. */
@PlainLane
class MtprotoDdCheckerTest extends MtprotoCheckerContract {

    @Override
    String domain() {
        return null;
    }

    /** dd cannot tell "secret unknown" from "Telegram unreachable": the proxy just drops us (see docs/health-checks.md). */
    @Override
    DownReason reasonWhenTheDataCentreIsUnreachable() {
        return DownReason.AUTH_REJECTED;
    }
}
