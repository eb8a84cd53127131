package org.proxyfund.probe.shadowsocks;

/** Shadowsocks contract with aes-256-gcm. */
class SsServerAesGcmCheckerTest extends SsServerContract {

    @Override
    String cipher() {
        return "aes-256-gcm";
    }
}
