package org.proxyfund.probe.openvpn;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throwaway CA, server certificate and two tls-auth keys for OpenVPN tests, generated once under target/ with openssl. */
public final class OpenVpnTestPki {

    public static final File DIR = new File("target/openvpn-pki");

    private OpenVpnTestPki() {
    }

    /** Generates what is missing; the files are test-only and never committed. */
    public static synchronized void ensure() throws IOException, InterruptedException {
        if (file("wrong-ta.key").exists()) return;
        DIR.mkdirs();
        Files.writeString(file("server.ext").toPath(),
                "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyAgreement\nextendedKeyUsage=serverAuth\n");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=proxyfund-test-ca");
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=proxyfund-test-server");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
        run("openvpn", "--genkey", "secret", "ta.key");
        run("openvpn", "--genkey", "secret", "wrong-ta.key");
    }

    public static File file(String name) {
        return new File(DIR, name);
    }

    /** A key file's text, as an operator would paste it (with openvpn's comment lines). */
    public static String keyText(String name) throws IOException {
        return Files.readString(file(name).toPath());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(DIR).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(DIR, "generate.log"))).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command[0] + " failed; see " + new File(DIR, "generate.log"));
        }
    }
}
