package org.proxyfund.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link ManyPortSocks5Server} in a process of its own (its CPU is not the monitor's), with the ports it bound. */
final class Socks5Farm implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "bench-password-1";

    private final Process process;
    private final List<Integer> ports;

    private Socks5Farm(Process process, List<Integer> ports) {
        this.process = process;
        this.ports = ports;
    }

    static Socks5Farm start(int count, File workDir) throws Exception {
        workDir.mkdirs();
        File portsFile = new File(workDir, "ports-" + count + ".txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xss256k", "-cp", new File("target/test-classes").getAbsolutePath(),
                ManyPortSocks5Server.class.getName(), Integer.toString(count), USER, PASSWORD, portsFile.getAbsolutePath())
                .redirectError(new File(workDir, "socks5-farm.log")).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY")) {
            process.destroyForcibly();
            throw new IllegalStateException("the SOCKS5 farm did not start; see " + workDir + "/socks5-farm.log");
        }
        List<Integer> ports = Files.readAllLines(portsFile.toPath()).stream().map(Integer::parseInt).toList();
        return new Socks5Farm(process, ports);
    }

    List<Integer> ports() {
        return ports;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
