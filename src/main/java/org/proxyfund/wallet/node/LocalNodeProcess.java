package org.proxyfund.wallet.node;

import org.jboss.logging.Logger;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Operating-system plumbing of the local node (and of trial mode's local proxies): finding programs, starting one in a
 * process group of its own, stopping groups, recognising an orphan by its working folder.
 */
public final class LocalNodeProcess {

    private static final Logger LOG = Logger.getLogger(LocalNodeProcess.class);

    private LocalNodeProcess() {
    }

    /** The executable {@code name} in a folder of the PATH, as a shell would find it. */
    public static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code command} as the leader of a new session and process group ({@code setsid}), so that Ctrl-C on the
     * terminal reaches the service, which stops the node after its wallet, and one signal to the group reaches every
     * process the node may have started. Returns the process id (= the group id).
     */
    public static long spawn(List<String> command, Path dir, Path log) throws IOException {
        List<String> full = new ArrayList<>();
        // setsid runs the command in place when the caller is not a group leader (a JVM's child never is).
        findOnPath("setsid").ifPresent(s -> full.add(s.toString()));
        full.addAll(command);
        // Its working folder is its data folder: how an orphan is recognised (node rewrites its command line to "bcoin").
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return p.pid();
    }

    /** A node left running by a JVM that was killed holds the data folder's locks: stop its group. */
    static void stopOrphan(Path dir) {
        stopOrphan(dir, LocalNode.PID_FILE);
    }

    /** Stops the process group whose leader's pid is in {@code dir/pidFileName} if it still works in {@code dir}. */
    public static void stopOrphan(Path dir, String pidFileName) {
        Path pidFile = dir.resolve(pidFileName);
        long pid;
        Path realDir;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
            realDir = dir.toRealPath();
        } catch (IOException | NumberFormatException e) {
            return;
        }
        // Only our node on this folder: a pid may have been reused by an unrelated process since.
        if (workingFolder(pid).filter(realDir::equals).isPresent()) {
            LOG.warnf("Stopping the %s (pid %d) left running on %s by an earlier run",
                    LocalNode.PID_FILE.equals(pidFileName) ? "local Bitcoin node" : "process", pid, dir);
            stopGroup(pid);
        }
    }

    /** SIGTERM to the group (bcoin closes its databases), SIGKILL to what is left after 15 s. */
    public static void stopGroup(long pid) {
        Optional<ProcessHandle> leader = ProcessHandle.of(pid);
        signalGroup(pid, "TERM");
        leader.ifPresent(h -> h.descendants().forEach(ProcessHandle::destroy));
        try {
            if (leader.isPresent()) {
                leader.get().onExit().get(15, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warnf("The local Bitcoin node (pid %d) did not stop within 15 s: killing its group", pid);
        }
        signalGroup(pid, "KILL");
    }

    private static void signalGroup(long pgid, String signal) {
        try {
            // The shell's own kill: no procps needed. A group that is gone already is not an error here.
            Process kill = new ProcessBuilder("sh", "-c", "kill -s " + signal + " -- -" + pgid + " 2>/dev/null").start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pgid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The working folder of a live process ({@code /proc/pid/cwd}), empty when it is gone or not ours to see. */
    public static Optional<Path> workingFolder(long pid) {
        try {
            return Optional.of(Path.of("/proc", Long.toString(pid), "cwd").toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
