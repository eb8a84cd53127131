package org.proxyfund.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's command line: {@code --service URL} (required), {@code --token T} (first run only), {@code --state-dir D}
 * (where its key and id are kept; default ~/.proxyfund-agent), {@code --concurrency N} (checks at once, default 8),
 * {@code --batch N} (results per push, default 200), {@code --poll D} (wait when nothing is due, default 15s),
 * {@code --allow-host H} (repeatable: private addresses the SSRF guard lets through, for test networks).
 */
record AgentOptions(URI service, String token, Path stateDir, int concurrency, int batch, Duration poll, List<String> allowHosts) {

    /** Parses the arguments; throws IllegalArgumentException with a usage line for anything wrong. */
    static AgentOptions parse(String[] args) {
        URI service = null;
        String token = null;
        Path state = Path.of(System.getProperty("user.home"), ".proxyfund-agent");
        int concurrency = 8;
        int batch = 200;
        Duration poll = Duration.ofSeconds(15);
        List<String> allow = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--service" -> service = URI.create(stripSlash(need(args[i], value)));
                case "--token" -> token = need(args[i], value);
                case "--state-dir" -> state = Path.of(need(args[i], value));
                case "--concurrency" -> concurrency = positive(args[i], value);
                case "--batch" -> batch = positive(args[i], value);
                case "--poll" -> poll = duration(need(args[i], value));
                case "--allow-host" -> allow.add(need(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
            i++;
        }
        if (service == null) throw new IllegalArgumentException("--service is required\n" + usage());
        return new AgentOptions(service, token, state, concurrency, batch, poll, List.copyOf(allow));
    }

    static String usage() {
        return "usage: AgentMain --service https://proxyfund.example [--token pfa_...] [--state-dir DIR] [--concurrency 8]"
                + " [--batch 200] [--poll 15s] [--allow-host CIDR]...";
    }

    private static String need(String option, String value) {
        if (value == null || value.startsWith("--")) throw new IllegalArgumentException(option + " needs a value\n" + usage());
        return value;
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(need(option, value));
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(option + " needs a positive number\n" + usage());
    }

    /** 500ms, 15s, 2m; a plain number is seconds. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase();
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(t));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
