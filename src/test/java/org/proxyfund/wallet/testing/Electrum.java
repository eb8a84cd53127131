package org.proxyfund.wallet.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Electrum as an independent signer: an offline regtest wallet restored from a BIP-39 mnemonic by Electrum's
 * own library (tools/electrum-bip84-wallet.py), and its command line signing PSBTs. Nothing of ours derives its keys.
 */
public final class Electrum {

    private final Path home;
    private final Path walletFile;
    /** Master fingerprint (hex), account path and account xpub, as Electrum derived them. */
    public final String fingerprint;
    public final String accountPath;
    public final String accountXpub;

    private Electrum(Path home, Path walletFile, String[] restored) {
        this.home = home;
        this.walletFile = walletFile;
        this.fingerprint = restored[0];
        this.accountPath = restored[1];
        this.accountXpub = restored[2];
    }

    /** Restores an offline regtest wallet from {@code mnemonic} (given on stdin, never on a command line). */
    public static Electrum restore(String mnemonic) {
        Path home = Path.of("target", "electrum-" + UUID.randomUUID()).toAbsolutePath();
        Path file = home.resolve("wallet");
        try {
            Files.createDirectories(home);
            String out = run(List.of("/usr/bin/python3", "tools/electrum-bip84-wallet.py", file.toString(), "regtest"), mnemonic);
            return new Electrum(home, file, out.strip().split(" "));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The offline wallet file Electrum keeps (it holds the account's private key: tests use it as a control). */
    public Path walletFile() {
        return walletFile;
    }

    /** Electrum's {@code signtransaction}: the signed transaction in hex once complete, else the PSBT in base64. */
    public String sign(String psbtBase64) {
        return electrum("signtransaction", psbtBase64);
    }

    /** Any Electrum command on this offline wallet; returns its standard output, stripped. */
    public String electrum(String... command) {
        List<String> args = new ArrayList<>(List.of("electrum", "--regtest", "--offline", "-D", home.toString(), "-w",
                walletFile.toString()));
        args.addAll(List.of(command));
        return run(args, null).strip();
    }

    private static String run(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " took over 3 minutes");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " failed (" + p.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
