package org.proxyfund.probe.openvpn;

import java.nio.ByteBuffer;

/** OpenVPN's long-form replay-protection packet id for tls-auth and tls-crypt: a counter from 1, then seconds since the epoch. */
final class ReplayId {

    static final int BYTES = 8;
    private int id;

    byte[] next() {
        return ByteBuffer.allocate(BYTES).putInt(++id).putInt((int) (System.currentTimeMillis() / 1000)).array();
    }
}
