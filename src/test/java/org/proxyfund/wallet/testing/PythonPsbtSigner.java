package org.proxyfund.wallet.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second independent signer: tools/psbt-sign.py, written from BIP-39, BIP-32, BIP-174 and BIP-143 with OpenSSL's
 * secp256k1 (Debian's python3-cryptography). It shares no code with bitcoinj or Electrum; it adds partial signatures
 * and leaves combining and finalizing to the service.
 */
public final class PythonPsbtSigner {

    private PythonPsbtSigner() {
    }

    /** What the script answered: its exit code, standard output (the signed PSBT in base64) and standard error. */
    public record Answer(int exitCode, String psbtBase64, String error) {
    }

    /** Signs {@code psbtBase64} with the keys of {@code mnemonic} (given on stdin, never on a command line). */
    public static Answer sign(String mnemonic, String psbtBase64) {
        try {
            Process p = new ProcessBuilder(List.of("/usr/bin/python3", "tools/psbt-sign.py", psbtBase64)).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(mnemonic.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tools/psbt-sign.py took over 2 minutes");
            }
            return new Answer(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip(), new String(err, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
