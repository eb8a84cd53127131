package org.proxyfund.probe.relay;

import org.proxyfund.endpoint.HostGuard;
import org.proxyfund.endpoint.HostVerdict;
import org.proxyfund.probe.CheckResult;
import org.proxyfund.probe.CheckTarget;
import org.proxyfund.probe.Detail;
import org.proxyfund.probe.DownReason;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.canary.CanaryFrames;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What every relaying checker shares. One check makes several connections through the endpoint, in a random order
 * the endpoint cannot predict: with the issued credential to the canary (a fresh nonce must come back as the canary's
 * MAC; a relay failure is tried again against a second canary address), with the issued credential to a user target
 * chosen at random (a Telegram DC must prove its RSA key; failing that, a second one), and in a random share of checks
 * the negative controls: the same to the canary without authentication and with a credential never issued, which
 * must NOT be relayed. The verdicts combine
 * in {@link RelayVerdict}. Latency is that of the canary connection, connect to answer. Public for the relaying
 * checkers (socks5, httpconnect, shadowsocks), which supply only their handshake and protocol layer.
 */
public final class RelayCheck {

    /** Opens a tunnel from the connected endpoint to host:port; returns null when open, else the failure. */
    @FunctionalInterface
    public interface Handshake {
        CheckResult open(InputStream in, OutputStream out, String host, int port) throws IOException;
    }

    /**
     * The checker's ways to open a tunnel: with the issued credential, and for protocols where a server can accept
     * anyone (SOCKS5, HTTP CONNECT), without it: offering no authentication, and with a credential we never issued.
     */
    public record Handshakes(Handshake issued, Handshake noAuth, Handshake wrongCredential) {
        /** Only the issued credential: for protocols where a server cannot accept anyone (Shadowsocks). */
        public static Handshakes issuedOnly(Handshake issued) {
            return new Handshakes(issued, null, null);
        }

        boolean controllable() {
            return noAuth != null && wrongCredential != null;
        }
    }

    /** The streams the handshake and the payload use: the socket's own, or a protocol layer over them (encryption). */
    public record Tunnel(InputStream in, OutputStream out) {
    }

    /** Puts a protocol layer over the socket's streams before the handshake (a new one per connection). */
    @FunctionalInterface
    public interface Layer {
        Tunnel wrap(InputStream in, OutputStream out);
    }

    /** Thrown by a protocol layer when what it read already decides the check (e.g. a reply failing authentication). */
    public static final class Failure extends IOException {
        final transient CheckResult result;

        /** The check is DOWN for {@code reason}, as {@code detail} says. */
        public Failure(DownReason reason, Detail detail) {
            super(detail.english());
            this.result = CheckResult.down(reason, detail);
        }
    }

    /** A canary address: where proxies are asked to connect. */
    record CanaryAddress(String host, int port) {
        String text() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private enum Step { CANARY, USER_TARGET, CONTROL_NO_AUTH, CONTROL_WRONG_CREDENTIAL }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HostGuard guard;
    private final CanaryFrames canary;
    private final ProbeConfig config;
    private final TelegramTargets targets;

    /** A relay check through endpoints the guard allows, to this canary and these user targets. */
    public RelayCheck(HostGuard guard, CanaryFrames canary, ProbeConfig config, TelegramTargets targets) {
        this.guard = guard;
        this.canary = canary;
        this.config = config;
        this.targets = targets;
    }

    /** One check of the endpoint over the socket's own streams. */
    public CheckResult run(CheckTarget target, Handshakes handshakes) {
        return run(target, Tunnel::new, handshakes);
    }

    /** One check of the endpoint with {@code layer} (a new one per connection) over the socket's streams. */
    public CheckResult run(CheckTarget target, Layer layer, Handshakes handshakes) {
        if (!canary.isRunning()) return CheckResult.unknown(Detail.of("canary_not_listening"));
        HostVerdict verdict = guard.check(target.host());
        if (!verdict.allowed()) return CheckResult.down(DownReason.BLOCKED_TARGET, verdict.message());
        // Connect to the address the guard approved, not the name, so DNS cannot change between guard and connect.
        RelayConnection connection = new RelayConnection(new InetSocketAddress(verdict.addresses().getFirst(), target.port()), config, layer);
        RelayProbes probes = new RelayProbes(connection, canary, targets, canaryAddresses(), RANDOM);
        List<Step> steps = new ArrayList<>(List.of(Step.CANARY));
        if (!targets.isEmpty()) steps.add(Step.USER_TARGET);
        if (handshakes.controllable() && RANDOM.nextDouble() < config.negativeControlRate()) {
            steps.add(Step.CONTROL_NO_AUTH);
            steps.add(Step.CONTROL_WRONG_CREDENTIAL);
        }
        Collections.shuffle(steps, RANDOM);
        RelayVerdict result = new RelayVerdict();
        for (Step step : steps) {
            switch (step) {
                case CANARY -> result.canary(probes.canary(handshakes.issued()));
                case USER_TARGET -> result.userTarget(probes.userTargets(handshakes.issued()));
                case CONTROL_NO_AUTH -> result.control(true, probes.relaysFor(handshakes.noAuth()));
                case CONTROL_WRONG_CREDENTIAL -> result.control(false, probes.relaysFor(handshakes.wrongCredential()));
            }
            if (result.decided()) break;
        }
        // Refused the issued credential: was that because the proxy takes no authentication at all?
        if (result.authRejected() && handshakes.controllable() && !result.triedNoAuth()) {
            result.control(true, probes.relaysFor(handshakes.noAuth()));
        }
        return result.result();
    }

    /** The canary's public address first, then the configured alternates. */
    private List<CanaryAddress> canaryAddresses() {
        List<CanaryAddress> out = new ArrayList<>(List.of(new CanaryAddress(canary.publicHost(), canary.publicPort())));
        for (String entry : config.canaryAlternates().orElse(List.of())) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("proxyfund.probe.canary-alternates: not host:port: " + entry);
            out.add(new CanaryAddress(entry.substring(0, colon).replace("[", "").replace("]", ""),
                    Integer.parseInt(entry.substring(colon + 1).strip())));
        }
        return out;
    }
}
