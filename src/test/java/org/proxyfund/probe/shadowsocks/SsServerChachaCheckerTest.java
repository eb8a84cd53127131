package org.proxyfund.probe.shadowsocks;

/** Shadowsocks contract with chacha20-ietf-poly1305. */
class SsServerChachaCheckerTest extends SsServerContract {

    @Override
    String cipher() {
        return "chacha20-ietf-poly1305";
    }
}
