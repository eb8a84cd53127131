package org.proxyfund.agent;

import org.proxyfund.probe.canary.CanaryFrames;
import org.proxyfund.vantage.AgentWork;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * The canary as one leased check sees it: the frames the service handed out with the work, used in order, each with
 * the answer the service's canary gives. The agent holds no canary key; once the frames are used up, further frames
 * are empty and cannot be answered. One per check: not shared between threads.
 */
final class LeasedCanary implements CanaryFrames {

    private final String host;
    private final int port;
    private final Deque<byte[][]> frames = new ArrayDeque<>();
    private final List<byte[][]> issued = new java.util.ArrayList<>();

    LeasedCanary(String host, int port, List<AgentWork.Frame> leased) {
        this.host = host;
        this.port = port;
        Base64.Decoder b64 = Base64.getDecoder();
        leased.forEach(f -> frames.add(new byte[][]{b64.decode(f.frame()), b64.decode(f.answer())}));
    }

    @Override
    public boolean isRunning() {
        return true;
    }

    @Override
    public synchronized byte[] newFrame() {
        byte[][] next = frames.poll();
        if (next == null) return new byte[org.proxyfund.probe.canary.Canary.FRAME_BYTES];
        issued.add(next);
        return next[0].clone();
    }

    @Override
    public synchronized byte[] expectedAnswer(byte[] frame) {
        for (byte[][] f : issued) {
            if (MessageDigest.isEqual(f[0], frame)) return f[1].clone();
        }
        // An unleased frame has no known answer: nothing the proxy sends back can match this.
        byte[] impossible = new byte[org.proxyfund.probe.canary.Canary.ANSWER_BYTES + 1];
        return impossible;
    }

    @Override
    public String publicHost() {
        return host;
    }

    @Override
    public int publicPort() {
        return port;
    }
}
