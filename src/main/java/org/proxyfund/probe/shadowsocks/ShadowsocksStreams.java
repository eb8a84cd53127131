package org.proxyfund.probe.shadowsocks;

import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.relay.RelayCheck;
import org.proxyfund.probe.wire.FramedInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;

/**
 * The Shadowsocks AEAD stream layer over a socket's streams: our random salt first, then chunks of
 * [sealed 2-byte length][sealed payload]; the server's salt and chunks the other way. Reading decides the
 * check's outcome where it can: a reply that fails authentication, or no reply at all, is AUTH_REJECTED.
 */
final class ShadowsocksStreams {

    /** Largest payload in one chunk, as the spec requires. */
    static final int MAX_PAYLOAD = 0x3FFF;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShadowsocksStreams() {
    }

    static RelayCheck.Tunnel wrap(AeadCipherKind kind, byte[] masterKey, InputStream in, OutputStream out) {
        return new RelayCheck.Tunnel(new Decrypting(kind, masterKey, in), new Encrypting(kind, masterKey, out));
    }

    /** Seals what is written; sends on flush, so the target address and the first data leave in one segment. */
    private static final class Encrypting extends OutputStream {
        private final OutputStream raw;
        private final AeadSession session;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Encrypting(AeadCipherKind kind, byte[] masterKey, OutputStream raw) {
            byte[] salt = new byte[kind.saltBytes()];
            RANDOM.nextBytes(salt);
            this.raw = raw;
            this.session = new AeadSession(kind, masterKey, salt);
            pending.writeBytes(salt);
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int done = 0; done < len; ) {
                int n = Math.min(MAX_PAYLOAD, len - done);
                pending.writeBytes(session.seal(new byte[]{(byte) (n >> 8), (byte) n}, 0, 2));
                pending.writeBytes(session.seal(b, off + done, n));
                done += n;
            }
        }

        @Override
        public void flush() throws IOException {
            pending.writeTo(raw);
            pending.reset();
            raw.flush();
        }
    }

    /** Opens the server's chunks; a tag that does not verify means the server holds another key. */
    private static final class Decrypting extends FramedInputStream {
        private final InputStream raw;
        private final AeadCipherKind kind;
        private final byte[] masterKey;
        private AeadSession session;

        Decrypting(AeadCipherKind kind, byte[] masterKey, InputStream raw) {
            this.raw = raw;
            this.kind = kind;
            this.masterKey = masterKey;
        }

        @Override
        protected byte[] nextFrame() throws IOException {
            if (session == null) session = new AeadSession(kind, masterKey, readSalt());
            byte[] sealedLength = raw.readNBytes(2 + AeadCipherKind.TAG_BYTES);
            if (sealedLength.length == 0) return null;
            if (sealedLength.length < 2 + AeadCipherKind.TAG_BYTES) cutShort();
            byte[] length = open(sealedLength);
            int size = ((length[0] & 0xFF) << 8) | (length[1] & 0xFF);
            if (size == 0 || size > MAX_PAYLOAD) {
                throw new RelayCheck.Failure(DownReason.PROTOCOL_ERROR, Detail.of("ss_chunk_length", size));
            }
            byte[] sealedPayload = raw.readNBytes(size + AeadCipherKind.TAG_BYTES);
            if (sealedPayload.length < size + AeadCipherKind.TAG_BYTES) cutShort();
            return open(sealedPayload);
        }

        /**
         * The server sends its salt with its first data, so nothing at all (silence, close or reset) means it dropped
         * our well-formed request. Shadowsocks gives no other sign of a wrong key; a server that cannot reach the
         * canary in time looks the same, which the detail says.
         */
        private byte[] readSalt() throws IOException {
            byte[] salt;
            try {
                salt = raw.readNBytes(kind.saltBytes());
            } catch (SocketTimeoutException e) {
                // ss-server keeps reading and discarding after a first chunk that fails authentication (probe resistance).
                throw rejected("ss_silent");
            } catch (SocketException e) {
                throw rejected("ss_reset");
            }
            if (salt.length == 0) throw rejected("ss_closed");
            if (salt.length < kind.saltBytes()) cutShort();
            return salt;
        }

        private byte[] open(byte[] sealed) throws RelayCheck.Failure {
            try {
                return session.open(sealed);
            } catch (AEADBadTagException e) {
                throw new RelayCheck.Failure(DownReason.AUTH_REJECTED, Detail.of("ss_bad_tag", kind.specName()));
            }
        }

        private static RelayCheck.Failure rejected(String key) {
            return new RelayCheck.Failure(DownReason.AUTH_REJECTED, Detail.of(key));
        }

        private static void cutShort() throws RelayCheck.Failure {
            throw new RelayCheck.Failure(DownReason.RELAY_FAILED, Detail.of("ss_cut_short"));
        }
    }
}
