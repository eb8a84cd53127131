package org.proxyfund.probe.shadowsocks;

/** Shadowsocks contract with aes-128-gcm (16-byte key and salt). */
class SsServerAes128CheckerTest extends SsServerContract {

    @Override
    String cipher() {
        return "aes-128-gcm";
    }
}
