package org.proxyfund.probe.shadowsocks;

import org.proxyfund.common.testing.PlainLane;
/** Shadowsocks contract with aes-256-gcm. */
@PlainLane
class SsServerAesGcmCheckerTest extends SsServerContract {

    @Override
    String cipher() {
        return "aes-256-gcm";
    }
}
