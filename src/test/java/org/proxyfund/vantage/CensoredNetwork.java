package org.proxyfund.vantage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A censored network for one test: a Linux network namespace ("pfv-c…") joined to the host by a veth pair
 * ("pfv-h…" / "pfv-n…") on 10.237.N.0/30, where the test adds iptables rules inside the namespace against one
 * proxy. Needs root (CI has it): a step that fails fails the test, it is never skipped. Closing it deletes the
 * namespace, which takes the veth pair and the rules with it.
 */
final class CensoredNetwork implements AutoCloseable {

    /** How the censor interferes with the traffic to a proxy. */
    enum Interference {
        /** Packets to the proxy vanish: the connection times out. */
        DROP,
        /** The connection is answered with a TCP reset. */
        RESET,
        /** The connection opens and its first bytes pass, then everything the client sends vanishes. */
        CUT
    }

    final String namespace;
    final String hostAddress;
    final String innerAddress;
    private final String hostLink;

    private CensoredNetwork(String suffix, int subnet) {
        this.namespace = "pfv-c" + suffix;
        this.hostLink = "pfv-h" + suffix;
        this.hostAddress = "10.237." + subnet + ".1";
        this.innerAddress = "10.237." + subnet + ".2";
    }

    /** Creates the namespace and its link to the host. */
    static CensoredNetwork create() throws IOException, InterruptedException {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        CensoredNetwork n = new CensoredNetwork(suffix, ThreadLocalRandom.current().nextInt(1, 250));
        String inner = "pfv-n" + suffix;
        try {
            run("ip", "netns", "add", n.namespace);
            run("ip", "link", "add", n.hostLink, "type", "veth", "peer", "name", inner);
            run("ip", "link", "set", inner, "netns", n.namespace);
            run("ip", "addr", "add", n.hostAddress + "/30", "dev", n.hostLink);
            run("ip", "link", "set", n.hostLink, "up");
            n.inside("ip", "addr", "add", n.innerAddress + "/30", "dev", inner);
            n.inside("ip", "link", "set", inner, "up");
            n.inside("ip", "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
        return n;
    }

    /** The command prefix that runs a program inside the namespace. */
    List<String> exec() {
        return List.of("ip", "netns", "exec", namespace);
    }

    /** Makes the censor interfere with TCP from inside the namespace to host:port. */
    void block(String host, int port, Interference how) throws IOException, InterruptedException {
        List<String> rule = new ArrayList<>(List.of("iptables", "-A", "OUTPUT", "-p", "tcp", "-d", host, "--dport", String.valueOf(port)));
        rule.addAll(switch (how) {
            case DROP -> List.of("-j", "DROP");
            case RESET -> List.of("-j", "REJECT", "--reject-with", "tcp-reset");
            // SYN, ACK and the first data packet pass; from the fourth packet on nothing does.
            case CUT -> List.of("-m", "connbytes", "--connbytes", "4:", "--connbytes-dir", "original", "--connbytes-mode", "packets",
                    "-j", "DROP");
        });
        inside(rule.toArray(String[]::new));
    }

    /** Lifts every rule. */
    void lift() throws IOException, InterruptedException {
        inside("iptables", "-F", "OUTPUT");
    }

    private void inside(String... command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(exec());
        c.addAll(List.of(command));
        run(c.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Deleting the namespace removes the veth pair (both ends) and its iptables rules.
        Process p = new ProcessBuilder("ip", "netns", "del", namespace).redirectErrorStream(true).start();
        p.waitFor(30, TimeUnit.SECONDS);
        Process link = new ProcessBuilder("ip", "link", "del", hostLink).redirectErrorStream(true).start();
        link.waitFor(30, TimeUnit.SECONDS);
    }
}
