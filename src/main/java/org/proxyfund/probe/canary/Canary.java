package org.proxyfund.probe.canary;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proxyfund.common.crypto.SecretCipher;
import org.proxyfund.probe.ProbeConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service's own TCP target for checks: a proxy is asked to CONNECT here, the checker sends a frame with a nonce,
 * and the canary answers with a MAC of it, only for a nonce made with the canary key recently and only once.
 * Replicas share the key (derived from the secrets key), so any replica's canary answers any replica's check,
 * and a proxy that echoes instead of relaying cannot produce the answer. One virtual thread per connection.
 * Public for relay/ (which sends the frames), the relaying checkers (which hand it to the relay check) and
 * schedule/ (whose self-check sends it a frame through the monitor's own reference proxies).
 */
@ApplicationScoped
public class Canary implements CanaryFrames {

    /** Frame a checker sends: 4 magic bytes, then the nonce. */
    static final byte[] MAGIC = {'P', 'F', 'C', '2'};
    /** Frame a probe agent sends with a nonce the service leased to it: where it came from is recorded. */
    static final byte[] AGENT_MAGIC = {'P', 'F', 'V', '2'};
    /** Frame the canary answers with: 4 magic bytes, then the MAC of the nonce. */
    static final byte[] ANSWER_MAGIC = {'P', 'F', 'A', '2'};
    /** Length of one frame. */
    public static final int FRAME_BYTES = MAGIC.length + NonceRegistry.NONCE_BYTES;
    /** Length of one answer. */
    public static final int ANSWER_BYTES = ANSWER_MAGIC.length + NonceRegistry.ANSWER_BYTES;

    private static final Logger LOG = Logger.getLogger(Canary.class);
    private static final int READ_TIMEOUT_MS = 10_000;

    private final ProbeConfig config;
    private final NonceRegistry nonces;
    private final SightingLog sightings;
    private volatile ServerSocket server;
    private volatile ExecutorService workers;
    /** The port once bound: a restart keeps it, since proxies may have been configured to allow only it. */
    private volatile int boundPort;
    private volatile Thread acceptor;

    /** The service's canary: its key is derived from the secrets key, so all replicas share it. */
    @Inject
    public Canary(ProbeConfig config, SecretCipher secrets, CanarySightings sightings) {
        this(config, secrets.deriveKey("probe canary"), sightings);
    }

    /** A canary with a key of its own (tests, tools): only checkers built on it can pass through it. */
    public Canary(ProbeConfig config) {
        this(config, randomKey());
    }

    /** A canary with the given key (at least 32 bytes) that records no sightings. */
    public Canary(ProbeConfig config, byte[] key) {
        this(config, key, SightingLog.NONE);
    }

    /** A canary with the given key (at least 32 bytes) that writes where agents' nonces arrive from to {@code sightings}. */
    public Canary(ProbeConfig config, byte[] key, SightingLog sightings) {
        this.config = config;
        this.nonces = new NonceRegistry(key, config.nonceTtl(), config.nonceCapacity(), Clock.systemUTC());
        this.sightings = sightings;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Binds the listener and starts accepting; idempotent. */
    public synchronized void start() throws IOException {
        if (isRunning()) return;
        ServerSocket socket = new ServerSocket();
        int port = config.canaryBindPort() != 0 ? config.canaryBindPort() : boundPort;
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(config.canaryBindHost()), port), 512);
        boundPort = socket.getLocalPort();
        workers = Executors.newVirtualThreadPerTaskExecutor();
        server = socket;
        acceptor = Thread.ofVirtual().name("canary-accept").start(() -> acceptLoop(socket));
        LOG.infof("Canary listening on %s, announced as %s:%d", socket.getLocalSocketAddress(), publicHost(), publicPort());
    }

    /** Closes the listener; pending nonces stay valid until their time to live. */
    public synchronized void stop() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing canary", e);
            }
        }
        if (workers != null) workers.shutdownNow();
        // The port is only released once the accepting thread has left accept(), so a quick restart waits for it.
        Thread thread = acceptor;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while the listener accepts connections; a check with the canary down is UNKNOWN, not DOWN. */
    public boolean isRunning() {
        ServerSocket socket = server;
        return socket != null && !socket.isClosed();
    }

    /** A frame with a fresh nonce, to send through a proxy; {@link #expectedAnswer(byte[])} must come back. */
    public byte[] newFrame() {
        byte[] frame = Arrays.copyOf(MAGIC, FRAME_BYTES);
        System.arraycopy(nonces.issue(), 0, frame, MAGIC.length, NonceRegistry.NONCE_BYTES);
        return frame;
    }

    /**
     * A frame with a fresh nonce for a probe agent's leased work: the canary records the address it arrives from,
     * so an agent's UP can be held against where the nonce really came from.
     */
    public byte[] newAgentFrame() {
        byte[] frame = newFrame();
        System.arraycopy(AGENT_MAGIC, 0, frame, 0, AGENT_MAGIC.length);
        return frame;
    }

    /** The nonce a frame carries. */
    public static byte[] nonceOf(byte[] frame) {
        return Arrays.copyOfRange(frame, MAGIC.length, FRAME_BYTES);
    }

    /** What a canary with this key answers to the frame. */
    public byte[] expectedAnswer(byte[] frame) {
        byte[] answer = Arrays.copyOf(ANSWER_MAGIC, ANSWER_BYTES);
        byte[] mac = nonces.answer(Arrays.copyOfRange(frame, MAGIC.length, FRAME_BYTES));
        System.arraycopy(mac, 0, answer, ANSWER_MAGIC.length, NonceRegistry.ANSWER_BYTES);
        return answer;
    }

    /** The host checkers ask proxies to connect to. */
    public String publicHost() {
        return config.canaryPublicHost();
    }

    /** The port checkers ask proxies to connect to. */
    public int publicPort() {
        return config.canaryPublicPort().orElse(boundPort != 0 ? boundPort : config.canaryBindPort());
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.submit(() -> answer(client));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (!socket.isClosed()) LOG.warn("Canary accept failed", e);
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            byte[] frame = readFrame(client.getInputStream());
            if (frame == null) return;
            boolean agent = Arrays.equals(frame, 0, AGENT_MAGIC.length, AGENT_MAGIC, 0, AGENT_MAGIC.length);
            if (!agent && !Arrays.equals(frame, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) return;
            byte[] nonce = Arrays.copyOfRange(frame, MAGIC.length, FRAME_BYTES);
            if (nonces.consume(nonce)) {
                // Written before the answer leaves, so the agent cannot report the answer before its sighting is stored.
                if (agent) recordSighting(nonce, client);
                client.getOutputStream().write(expectedAnswer(frame));
                client.getOutputStream().flush();
            }
        } catch (IOException e) {
            LOG.debug("canary connection ended", e);
        }
    }

    private void recordSighting(byte[] nonce, Socket client) {
        try {
            sightings.record(nonce, client.getInetAddress().getHostAddress());
        } catch (RuntimeException e) {
            // The check still gets its answer; without the sighting the agent's UP is refused, never wrongly accepted.
            LOG.warn("could not record where an agent's nonce came from", e);
        }
    }

    private static byte[] readFrame(InputStream in) throws IOException {
        byte[] frame = in.readNBytes(FRAME_BYTES);
        return frame.length == FRAME_BYTES ? frame : null;
    }
}
