package org.proxyfund.trial;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.endpoint.Endpoint;
import org.proxyfund.endpoint.EndpointService;
import org.proxyfund.endpoint.EndpointType;
import org.proxyfund.endpoint.MonitorCredential;
import org.proxyfund.wallet.node.LocalNodeConfig;
import org.proxyfund.wallet.node.LocalNodeProcess;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Real local proxies of trial mode: a SOCKS5 endpoint registered on this machine's loopback gets a microsocks (the
 * Debian package) listening on its port with the credential the service issued for it, exactly what an operator
 * configures on a proxy of their own; the health checks then relay through it and it earns like any endpoint. Each
 * runs in a process group of its own with its folder under the local node's data folder
 * ({@code trial-proxies/<endpoint id>}), is started again by later starts of the service while its endpoint lives,
 * and is stopped with the service (an orphan of a killed service is stopped by the next start, found by its pid file).
 */
@ApplicationScoped
public class TrialProxies {

    private static final Logger LOG = Logger.getLogger(TrialProxies.class);
    private static final String PID_FILE = "proxy.pid";

    /** Why a proxy was not started. */
    public enum Refusal { NOT_INSTALLED, NOT_FOUND, NOT_LOCAL_SOCKS5, FAILED }

    /** Started (its pid), or refused. */
    public record Outcome(long pid, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    @Inject
    TrialMode trial;
    @Inject
    TrialConfig config;
    @Inject
    LocalNodeConfig localNode;
    @Inject
    EndpointService endpoints;

    private final Map<Long, Long> running = new ConcurrentHashMap<>();
    /** Tests stand for a machine without the program by naming one that is not installed; null: the configured one. */
    private volatile String programName;

    /** The proxy program, when it is installed on this machine. */
    public Optional<Path> program() {
        return LocalNodeProcess.findOnPath(programName == null ? config.proxyProgram() : programName);
    }

    void programName(String name) {
        this.programName = name;
    }

    /** Whether this endpoint's local proxy runs now. */
    public boolean running(long endpointId) {
        Long pid = running.get(endpointId);
        return pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Starts (or restarts) the local proxy of an endpoint of {@code accountId}: SOCKS5, on 127.0.0.1 or ::1, live. */
    public synchronized Outcome start(long accountId, long endpointId) {
        trial.require();
        Optional<Path> program = program();
        if (program.isEmpty()) {
            return new Outcome(0, Refusal.NOT_INSTALLED);
        }
        Optional<Endpoint> endpoint = QuarkusTransaction.requiringNew().call(() -> Endpoint.owned(endpointId, accountId));
        if (endpoint.isEmpty() || !endpoint.get().state.live()) {
            return new Outcome(0, Refusal.NOT_FOUND);
        }
        Endpoint e = endpoint.get();
        if (e.type != EndpointType.SOCKS5 || !List.of("127.0.0.1", "::1").contains(e.host)) {
            return new Outcome(0, Refusal.NOT_LOCAL_SOCKS5);
        }
        Map<String, String> credential = endpoints.credentialFor(accountId, endpointId).orElseThrow();
        Path dir = folder(endpointId);
        try {
            stop(endpointId);
            Files.createDirectories(dir);
            LocalNodeProcess.stopOrphan(dir, PID_FILE);
            long pid = LocalNodeProcess.spawn(List.of(program.get().toString(), "-i", e.host, "-p", Integer.toString(e.port),
                    "-u", credential.get(MonitorCredential.USERNAME), "-P", credential.get(MonitorCredential.PASSWORD)),
                    dir, dir.resolve("proxy.log"));
            Files.writeString(dir.resolve(PID_FILE), Long.toString(pid));
            running.put(endpointId, pid);
            if (!listening(e.host, e.port, pid)) {
                stop(endpointId);
                LOG.warnf("The trial proxy of endpoint %d did not listen on %s; see %s", endpointId, e.address(), dir.resolve("proxy.log"));
                return new Outcome(0, Refusal.FAILED);
            }
            LOG.infof("Trial proxy (microsocks, pid %d) serves endpoint %d on %s", pid, endpointId, e.address());
            return new Outcome(pid, null);
        } catch (IOException ex) {
            LOG.warnf("The trial proxy of endpoint %d could not start: %s", endpointId, ex.getMessage());
            return new Outcome(0, Refusal.FAILED);
        }
    }

    /** Later starts: the proxies of endpoints that still live run again; folders of the others are removed. */
    void onStart(@Observes StartupEvent event) {
        Path root = root();
        if (!trial.on() || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                long id = Long.parseLong(dir.getFileName().toString());
                LocalNodeProcess.stopOrphan(dir, PID_FILE);
                Optional<Long> owner = QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(Endpoint.<Endpoint>findById(id))
                        .filter(e -> e.state.live()).map(e -> e.accountId));
                if (owner.isEmpty() || !start(owner.get(), id).ok()) {
                    LOG.infof("Trial proxy of endpoint %d not started again (endpoint gone, or no proxy program)", id);
                }
            }
        } catch (IOException | NumberFormatException ex) {
            LOG.warnf("Trial proxies not started again: %s", ex.getMessage());
        }
    }

    /** Every trial proxy stops with the service. */
    void onStop(@Observes ShutdownEvent event) {
        for (Long id : List.copyOf(running.keySet())) {
            stop(id);
        }
    }

    private void stop(long endpointId) {
        Long pid = running.remove(endpointId);
        if (pid != null) {
            LocalNodeProcess.stopGroup(pid);
            LOG.infof("Trial proxy (pid %d) of endpoint %d stopped", pid, endpointId);
        }
    }

    private Path root() {
        return Path.of(localNode.dataDir()).resolve("trial-proxies");
    }

    private Path folder(long endpointId) {
        return root().resolve(Long.toString(endpointId));
    }

    /** Waits up to 5 s for the proxy to accept connections (it binds at once; a taken port makes it exit). */
    private static boolean listening(String host, int port, long pid) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 500);
                Thread.sleep(200); // a port taken by another program answers too, while ours exits: still alive?
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
