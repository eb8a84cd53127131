package org.proxyfund.agent;

import org.proxyfund.vantage.AgentResult;
import org.proxyfund.vantage.AgentWork;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The probe agent a volunteer runs inside a censored network (docs/vantage-points.md): enrolls once with the token,
 * then leases its region's checks, runs them with the project's checkers, pushes the results in batches, and backs
 * off while the service is unreachable, keeping results until their lease runs out. No database, no secrets key, no
 * wallet: only its own key pair in the state folder. Exit codes: 2 bad usage or enrollment refused, 3 revoked.
 */
public final class AgentMain {

    private final AgentOptions options;
    private final ServiceClient client;
    private final AgentChecks checks;
    private final Backoff backoff = new Backoff();
    /** Results not yet accepted by the service, by lease id, with the lease's deadline. */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    private record Pending(AgentResult result, Instant deadline) {
    }

    AgentMain(AgentOptions options) {
        this.options = options;
        this.client = new ServiceClient(options.service());
        this.checks = new AgentChecks(new AgentSettings(options.allowHosts()));
    }

    public static void main(String[] args) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AgentMain agent = new AgentMain(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> agent.stopped = true));
        System.exit(agent.run());
    }

    /** Runs until stopped or revoked; the exit code. */
    int run() {
        AgentIdentity id;
        try {
            id = identity();
        } catch (ServiceClient.Refused e) {
            log("enrollment refused: " + e.getMessage());
            return 2;
        } catch (IOException | GeneralSecurityException e) {
            log("cannot use the state folder " + options.stateDir() + ": " + e);
            return 2;
        }
        log("agent " + id.agentId() + " working for " + options.service());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!stopped) {
                try {
                    flush(id);
                    ServiceClient.Lease lease = client.lease(id, options.concurrency() * 4);
                    backoff.reset();
                    if (lease.checks().isEmpty()) {
                        sleep(options.poll());
                        continue;
                    }
                    runAll(threads, lease);
                    flush(id);
                } catch (ServiceClient.Unavailable e) {
                    Duration wait = backoff.next();
                    log("service unavailable (" + e.getMessage() + "); " + pending.size() + " results kept; next try in " + wait.toMillis() + " ms");
                    sleep(wait);
                } catch (ServiceClient.Refused e) {
                    if (e.revoked()) {
                        log("this agent was revoked; stopping");
                        return 3;
                    }
                    Duration wait = backoff.next();
                    log("refused: " + e.getMessage() + "; next try in " + wait.toMillis() + " ms");
                    sleep(wait);
                }
            }
        }
        return 0;
    }

    private AgentIdentity identity() throws IOException, GeneralSecurityException, ServiceClient.Refused {
        var saved = AgentIdentity.load(options.stateDir());
        if (saved.isPresent()) return saved.get();
        if (options.token() == null) throw new IOException("not enrolled yet: give --token from the admin page");
        var keys = AgentIdentity.generate();
        while (true) {
            try {
                AgentIdentity id = new AgentIdentity(client.enroll(options.token(), keys), keys);
                id.save(options.stateDir());
                return id;
            } catch (ServiceClient.Unavailable e) {
                Duration wait = backoff.next();
                log("enrollment: service unavailable (" + e.getMessage() + "); next try in " + wait.toMillis() + " ms");
                sleep(wait);
                if (stopped) throw new IOException("stopped before enrolling");
            }
        }
    }

    private void runAll(ExecutorService threads, ServiceClient.Lease lease) {
        Semaphore slots = new Semaphore(options.concurrency());
        List<Future<?>> running = new ArrayList<>();
        for (AgentWork work : lease.checks()) {
            running.add(threads.submit(() -> {
                slots.acquireUninterruptibly();
                try {
                    pending.put(work.leaseId(), new Pending(checks.run(work, lease.canaryHost(), lease.canaryPort()), work.deadline()));
                } finally {
                    slots.release();
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                log("a check failed to run: " + e);
            }
        }
    }

    /** Pushes what is pending in batches; results whose lease has run out are dropped (the service would refuse them). */
    private void flush(AgentIdentity id) throws ServiceClient.Unavailable, ServiceClient.Refused {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.deadline().isBefore(now));
        List<Pending> all = new ArrayList<>(pending.values());
        for (int from = 0; from < all.size(); from += options.batch()) {
            List<Pending> batch = all.subList(from, Math.min(all.size(), from + options.batch()));
            int accepted = client.push(id, batch.stream().map(Pending::result).toList());
            batch.forEach(p -> pending.remove(p.result().leaseId()));
            log("pushed " + batch.size() + " results, " + accepted + " accepted");
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }
}
