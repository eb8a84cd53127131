package org.proxyfund.vantage;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real microsocks per registered endpoint, each with the credential the service issued for it, listening on
 * 127.0.0.1 and leaving for the canary from 127.0.0.2 (another address than an agent's, as a real proxy's traffic
 * would): many distinct endpoints for benchmarks. Started all at once, then waited for; closed all together.
 */
final class MicrosocksFleet implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();

    /** Starts microsocks for each endpoint and waits until every one accepts connections. */
    static MicrosocksFleet start(List<AgentFixtures.Registered> endpoints) throws IOException, InterruptedException {
        MicrosocksFleet fleet = new MicrosocksFleet();
        File log = new File("target/probe-servers/microsocks-fleet.log");
        log.getParentFile().mkdirs();
        try {
            for (AgentFixtures.Registered e : endpoints) {
                fleet.processes.add(new ProcessBuilder("microsocks", "-i", "127.0.0.1", "-p", String.valueOf(e.port()), "-b", "127.0.0.2",
                        "-u", e.credential().get(org.proxyfund.endpoint.MonitorCredential.USERNAME),
                        "-P", e.credential().get(org.proxyfund.endpoint.MonitorCredential.PASSWORD))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Integer> waiting = new ArrayList<>(endpoints.stream().map(AgentFixtures.Registered::port).toList());
            while (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(waiting.size() + " microsocks not listening; see " + log);
                waiting.removeIf(MicrosocksFleet::accepts);
                if (!waiting.isEmpty()) Thread.sleep(100);
            }
            return fleet;
        } catch (IOException | InterruptedException | RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** How many are running. */
    int size() {
        return (int) processes.stream().filter(Process::isAlive).count();
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
