package org.proxyfund.probe.mtproto;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * An obfuscated2 connection opened by a client: AES-256-CTR over a byte stream (a socket, or fake-TLS records).
 * Public for relay/TelegramProof.
 */
public final class ObfuscatedStream {

    private final InputStream in;
    private final OutputStream out;
    private final Cipher encrypt;
    private final Cipher decrypt;
    private long received;

    private ObfuscatedStream(InputStream in, OutputStream out, Cipher encrypt, Cipher decrypt) {
        this.in = in;
        this.out = out;
        this.encrypt = encrypt;
        this.decrypt = decrypt;
    }

    /**
     * Derives the keys from the plain header and writes the header as sent on the wire: bytes 0..56 in clear (they
     * are the key material), bytes 56..64 (tag and DC id) encrypted. Nothing is flushed yet.
     */
    public static ObfuscatedStream open(InputStream in, OutputStream out, byte[] plainHeader, byte[] secret) throws IOException {
        Obfuscated2.Keys keys = Obfuscated2.clientKeys(plainHeader, secret);
        ObfuscatedStream stream = new ObfuscatedStream(in, out, ctr(keys.encryptKey(), keys.encryptIv()), ctr(keys.decryptKey(), keys.decryptIv()));
        byte[] encrypted = stream.encrypt.update(plainHeader);
        byte[] wire = plainHeader.clone();
        System.arraycopy(encrypted, 56, wire, 56, 8);
        out.write(wire);
        return stream;
    }

    /** AES-256 in counter mode with a 128-bit big-endian counter starting at iv. */
    public static Cipher ctr(byte[] key, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is missing from this JDK", e);
        }
    }

    /** Encrypts and writes; call {@link #flush()} to send. */
    public void write(byte[] plain) throws IOException {
        out.write(encrypt.update(plain));
    }

    /** Sends what was written. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Reads exactly n bytes and decrypts them; EOFException if the peer closes first. */
    public byte[] read(int n) throws IOException {
        byte[] raw = in.readNBytes(n);
        received += raw.length;
        if (raw.length < n) throw new EOFException("the connection closed after " + received + " bytes");
        return decrypt.update(raw);
    }

    /** Bytes received so far: 0 means the peer never answered. */
    public long received() {
        return received;
    }
}
