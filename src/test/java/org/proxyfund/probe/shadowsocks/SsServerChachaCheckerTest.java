package org.proxyfund.probe.shadowsocks;

import org.proxyfund.common.testing.PlainLane;
/** Shadowsocks contract with chacha20-ietf-poly1305. */
@PlainLane
class SsServerChachaCheckerTest extends SsServerContract {

    @Override
    String cipher() {
        return "chacha20-ietf-poly1305";
    }
}
