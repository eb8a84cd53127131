package org.proxyfund.probe.openvpn;

/**
 * How control packets are protected on the wire: not at all, by tls-auth (an HMAC) or by tls-crypt (encrypted and
 * authenticated). Works on the plain form [opcode/key id][session id][ack array, message packet id, payload].
 */
interface ControlWrap {

    /** Plain control packets, for servers without tls-auth or tls-crypt. */
    ControlWrap NONE = new ControlWrap() {
        @Override
        public int overhead() {
            return 0;
        }

        @Override
        public byte[] wrap(byte[] plain) {
            return plain.clone();
        }

        @Override
        public byte[] unwrap(byte[] packet) {
            return packet.clone();
        }
    };

    /** Bytes the protection adds to a packet. */
    int overhead();

    /** The packet as sent; each call uses the next replay-protection packet id. */
    byte[] wrap(byte[] plain);

    /** The plain packet, or null when it does not authenticate under our key; call with at least 9 + overhead bytes. */
    byte[] unwrap(byte[] packet);
}
