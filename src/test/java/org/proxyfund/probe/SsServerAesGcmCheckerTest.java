package org.proxyfund.probe;

/** Shadowsocks contract with aes-256-gcm. */
class SsServerAesGcmCheckerTest extends SsServerContract {

    @Override
    String cipher() {
        return "aes-256-gcm";
    }
}
