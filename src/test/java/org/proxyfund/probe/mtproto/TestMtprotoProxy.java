package org.proxyfund.probe.mtproto;

import org.proxyfund.probe.LoopbackServer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small MTProto proxy for tests, for ONE secret: accepts obfuscated2 in the dd form, and in the ee (fake-TLS) form
 * when a domain is given; maps the DC id to a data centre address and relays both directions. A wrong secret is
 * treated as real proxies do: dd, the decrypted tag is wrong → the connection is closed; ee, the HMAC does not match →
 * it answers as a plain TLS server would (a ServerHello without our HMAC) and closes, where real proxies would hand
 * the connection to the fronted domain.
 */
public final class TestMtprotoProxy extends LoopbackServer {

    private static final byte[] TLS_START = {0x16, 0x03, 0x01, 0x02};

    private final byte[] secret;
    private final FakeTlsServerSide fakeTls;
    private final Map<Integer, InetSocketAddress> dataCentres;

    /** A proxy for this secret; domain null accepts only dd clients. */
    public TestMtprotoProxy(byte[] secret, String domain, Map<Integer, InetSocketAddress> dataCentres) {
        this.secret = secret.clone();
        this.fakeTls = domain == null ? null : new FakeTlsServerSide(secret, domain, Clock.systemUTC());
        this.dataCentres = Map.copyOf(dataCentres);
    }

    @Override
    protected void serve(Socket client) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        in.mark(4);
        boolean tls = Arrays.equals(in.readNBytes(4), TLS_START);
        in.reset();
        if (tls) {
            if (fakeTls == null || !fakeTls.handshake(in, out)) return;
            in = new TlsRecordInputStream(in);
            out = new TlsRecordOutputStream(out, false);
        }
        byte[] header = in.readNBytes(Obfuscated2.HEADER_BYTES);
        if (header.length < Obfuscated2.HEADER_BYTES) return;
        // The proxy's read key is the client's write key: SHA-256(header[8..40) || secret), counter header[40..56).
        Cipher fromClient = ctr(sha256(Arrays.copyOfRange(header, 8, 40), secret), Arrays.copyOfRange(header, 40, 56));
        byte[] writeKey = new byte[32];
        byte[] writeIv = new byte[16];
        for (int i = 0; i < 32; i++) writeKey[i] = header[55 - i];
        for (int i = 0; i < 16; i++) writeIv[i] = header[23 - i];
        Cipher toClient = ctr(sha256(writeKey, secret), writeIv);
        byte[] plain = fromClient.update(header);
        int tag = (plain[56] & 0xFF) | (plain[57] & 0xFF) << 8 | (plain[58] & 0xFF) << 16 | (plain[59] & 0xFF) << 24;
        // A wrong secret decrypts the tag to noise: drop the client, as MTProxy and mtg do.
        if (tag != Obfuscated2.TAG_PADDED_INTERMEDIATE && (tls || tag != Obfuscated2.TAG_INTERMEDIATE)) return;
        int dc = Math.abs((short) ((plain[60] & 0xFF) | (plain[61] & 0xFF) << 8));
        InetSocketAddress address = dataCentres.get(dc);
        if (address == null) return;
        try (Socket upstream = track(new Socket())) {
            upstream.connect(address, READ_TIMEOUT_MS);
            // With nothing listening, a loopback connect can pick the target port as its own and connect to itself.
            if (upstream.getLocalPort() == address.getPort()) return;
            upstream.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream toDc = upstream.getOutputStream();
            toDc.write(Arrays.copyOfRange(plain, 56, 60));
            relay(in, out, upstream, toDc, fromClient, toClient, client);
        }
    }

    private static void relay(InputStream fromClientStream, OutputStream toClientStream, Socket upstream, OutputStream toDc,
                              Cipher fromClient, Cipher toClient, Socket client) throws IOException {
        Thread back = Thread.ofVirtual().start(() -> {
            try (InputStream fromDc = upstream.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = fromDc.read(buffer)) > 0; ) {
                    toClientStream.write(toClient.update(buffer, 0, n));
                    toClientStream.flush();
                }
            } catch (IOException e) {
                // either side went away
            } finally {
                closeQuietly(client);
            }
        });
        try {
            byte[] buffer = new byte[8192];
            for (int n; (n = fromClientStream.read(buffer)) > 0; ) {
                toDc.write(fromClient.update(buffer, 0, n));
                toDc.flush();
            }
        } finally {
            closeQuietly(upstream);
            try {
                back.join(READ_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Cipher ctr(byte[] key, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] key, byte[] secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(key);
            return digest.digest(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
