package org.proxyfund.vantage;

import org.proxyfund.common.testing.TestJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The agent program (org.proxyfund.agent.AgentMain) as its own JVM, started and killed by a test; output in target/. */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    final Path log;
    final Path stateDir;

    private AgentProcess(Process process, Path log, Path stateDir) {
        this.process = process;
        this.log = log;
        this.stateDir = stateDir;
    }

    /** Starts the agent with this JVM's java and class path, 64 MB of heap and the test JVMs' JIT and collector settings, {@code prefix} (e.g. ip netns exec) before it. */
    static AgentProcess start(List<String> prefix, String service, String token, Path stateDir, String... extra) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx64m"));
        options.addAll(TestJvm.CHILD_JVM_OPTIONS);
        return start(prefix, options, service, token, stateDir, extra);
    }

    /** The same with these JVM options (none: the JVM's defaults). */
    static AgentProcess start(List<String> prefix, List<String> jvmOptions, String service, String token, Path stateDir,
                              String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(prefix);
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.proxyfund.agent.AgentMain", "--service", service, "--state-dir", stateDir.toString(), "--poll", "1s"));
        if (token != null) command.addAll(List.of("--token", token));
        command.addAll(List.of(extra));
        Path log = Path.of("target", "agent-" + stateDir.getFileName() + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AgentProcess(p, log, stateDir);
    }

    /** The agent JVM's process id (for /proc). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code, or -1 if it did not within the time. */
    int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A fresh state folder under target/. */
    static Path stateDir(String name) throws IOException {
        return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "agent-" + name + "-");
    }

}
