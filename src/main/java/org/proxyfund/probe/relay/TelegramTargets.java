package org.proxyfund.probe.relay;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.proxyfund.probe.ProbeConfig;
import org.proxyfund.probe.mtproto.MtprotoConfig;
import org.proxyfund.probe.mtproto.TelegramRsaKey;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The user targets relaying checks must also reach through an endpoint (Telegram data centres in production), the
 * Telegram keys that prove a DC answered, and the monitor's own direct look at a target, which tells "the endpoint
 * does not reach Telegram" from "Telegram is not reachable at all right now". Public for the relaying checkers
 * (socks5, httpconnect, shadowsocks), which are built with it and hand it to {@link RelayCheck}.
 *
 * <p>A singleton, created when the checkers are: behind an application-scoped client proxy it was first created by a
 * check on a virtual thread, where ArC failed to build its {@link ProbeConfig} ("a synthetic injection point was not
 * declared") and the check failed.
 */
@Singleton
public class TelegramTargets {

    private final List<UserTarget> targets;
    private final List<TelegramRsaKey> keys;
    private final int maxReplyBytes;
    private final ProbeConfig probe;

    @Inject
    public TelegramTargets(ProbeConfig probe, MtprotoConfig mtproto) {
        this(UserTarget.parseAll(probe.userTargets()), mtproto.serverPublicKeys().stream().map(TelegramRsaKey::fromPkcs1).toList(),
                mtproto.maxReplyBytes(), probe);
    }

    /** These targets, proven by these keys (tests: a test data centre and its key). */
    public TelegramTargets(List<UserTarget> targets, List<TelegramRsaKey> keys, int maxReplyBytes, ProbeConfig probe) {
        this.targets = List.copyOf(targets);
        this.keys = List.copyOf(keys);
        this.maxReplyBytes = maxReplyBytes;
        this.probe = probe;
    }

    /** No user targets: checks go to the canary only. */
    public static TelegramTargets none(ProbeConfig probe) {
        return new TelegramTargets(List.of(), List.of(), 4096, probe);
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    public List<UserTarget> all() {
        return targets;
    }

    List<TelegramRsaKey> keys() {
        return keys;
    }

    int maxReplyBytes() {
        return maxReplyBytes;
    }

    /** One target at random. */
    UserTarget pick(RandomGenerator random) {
        return targets.get(random.nextInt(targets.size()));
    }

    /** Another target than {@code first} at random, or null when there is only one. */
    UserTarget other(UserTarget first, RandomGenerator random) {
        List<UserTarget> rest = targets.stream().filter(t -> !t.equals(first)).toList();
        return rest.isEmpty() ? null : rest.get(random.nextInt(rest.size()));
    }

    /** Whether the monitor itself, connecting straight to the target, gets the DC's proof. */
    boolean provesDirectly(UserTarget target) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) probe.connectTimeout().toMillis());
            socket.setSoTimeout((int) probe.ioTimeout().toMillis());
            return TelegramProof.run(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream(), target, keys,
                    maxReplyBytes) == null;
        } catch (IOException e) {
            return false;
        }
    }
}
