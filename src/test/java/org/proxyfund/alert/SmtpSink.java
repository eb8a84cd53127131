package org.proxyfund.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.proxyfund.common.testing.TestPorts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for every application start of the test suite: Debian's aiosmtpd (python3-aiosmtpd) on a free
 * loopback port, configured as proxyfund.mail.host/port, writing each accepted message to {@link #FILE} as a JSON line
 * (src/test/resources/mail/smtp_sink.py). Tests tell their messages apart by recipient (each test uses its own).
 */
public class SmtpSink implements QuarkusTestResourceLifecycleManager {

    static final Path FILE = Path.of("target/smtp-sink/messages.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One received message. */
    public record Mail(String from, List<String> to, String subject, String body) {
    }

    private Process process;

    @Override
    public Map<String, String> start() {
        int port = TestPorts.listen();
        try {
            Files.createDirectories(FILE.getParent());
            process = new ProcessBuilder("/usr/bin/python3", "src/test/resources/mail/smtp_sink.py", String.valueOf(port),
                    FILE.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (!"ready".equals(first)) {
                throw new IllegalStateException("the SMTP sink did not start: " + first);
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "smtp-sink-output");
            drain.setDaemon(true);
            drain.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("proxyfund.mail.host", "127.0.0.1", "proxyfund.mail.port", String.valueOf(port),
                "proxyfund.mail.starttls", "DISABLED");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Every message received so far addressed to {@code to}. */
    public static List<Mail> to(String to) {
        List<Mail> out = new ArrayList<>();
        try {
            if (!Files.exists(FILE)) return out;
            for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
                JsonNode n = JSON.readTree(line);
                List<String> rcpt = new ArrayList<>();
                n.get("to").forEach(t -> rcpt.add(t.asText()));
                if (rcpt.contains(to)) {
                    out.add(new Mail(n.get("from").asText(), rcpt, n.get("subject").asText(), n.get("body").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Waits (up to a minute: the machine may be loaded) until {@code count} messages to {@code to} arrived; returns them. */
    public static List<Mail> await(String to, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        List<Mail> got = to(to);
        while (got.size() < count && System.nanoTime() < until) {
            Thread.sleep(100);
            got = to(to);
        }
        return got;
    }
}
