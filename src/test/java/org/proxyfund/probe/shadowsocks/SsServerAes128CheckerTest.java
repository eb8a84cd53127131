package org.proxyfund.probe.shadowsocks;

import org.proxyfund.common.testing.PlainLane;
/** Shadowsocks contract with aes-128-gcm (16-byte key and salt). */
@PlainLane
class SsServerAes128CheckerTest extends SsServerContract {

    @Override
    String cipher() {
        return "aes-128-gcm";
    }
}
