package org.proxyfund.endpoint;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.proxyfund.endpoint.HostVerdict.Reason;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * SSRF guard: allows a host only when it is, and resolves only to, public unicast addresses (or allowlisted ones).
 * Called at registration and again before every health check, since DNS answers change; thread-safe.
 */
@ApplicationScoped
public class HostGuard {

    private final List<Cidr> allowedRanges;
    private final Set<String> allowedNames;
    private final Duration dnsTimeout;
    private final ExecutorService resolver = Executors.newVirtualThreadPerTaskExecutor();

    public HostGuard(EndpointConfig config) {
        List<Cidr> ranges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String entry : config.allowedHosts().orElse(List.of())) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            Optional<Cidr> cidr = Cidr.parse(e);
            if (cidr.isPresent()) {
                ranges.add(cidr.get());
            } else if (e.contains("/") || IpLiterals.looksLikeLiteral(e)) {
                throw new IllegalArgumentException("proxyfund.endpoint.allowed-hosts: not an IP or CIDR: " + e);
            } else {
                names.add(e.toLowerCase(Locale.ROOT));
            }
        }
        this.allowedRanges = List.copyOf(ranges);
        this.allowedNames = Set.copyOf(names);
        this.dnsTimeout = config.dnsTimeout();
    }

    /** Checks a host (DNS name or IP literal) and every address it resolves to. */
    public HostVerdict check(String host) {
        if (host == null || host.isBlank() || host.length() > 255) {
            return HostVerdict.refused(String.valueOf(host), List.of(), Reason.MALFORMED, "The host is empty or too long.");
        }
        String h = IpLiterals.stripBrackets(host.trim()).toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        h = toAscii(h);
        Optional<InetAddress> literal = IpLiterals.parse(h);
        List<InetAddress> addresses;
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else if (IpLiterals.looksLikeLiteral(h) || !h.matches("[a-z0-9.-]+")) {
            return HostVerdict.refused(h, List.of(), Reason.MALFORMED, h + " is not a well-formed IP address.");
        } else {
            try {
                addresses = resolve(h);
            } catch (UnknownHostException e) {
                return HostVerdict.refused(h, List.of(), Reason.UNRESOLVABLE,
                        h + " could not be resolved: " + e.getMessage());
            }
        }
        if (allowedNames.contains(h)) return HostVerdict.allowed(h, addresses);
        for (InetAddress address : addresses) {
            if (isAllowlisted(address)) continue;
            AddressClassifier.Block block = AddressClassifier.classify(address);
            if (block != null) {
                String ip = address.getHostAddress();
                String subject = literal.isPresent() ? ip + " is " : h + " resolves to " + ip + ", ";
                return HostVerdict.refused(h, addresses, block.reason(),
                        subject + block.description() + ": proxyfund only registers and checks endpoints on public addresses.");
            }
        }
        return HostVerdict.allowed(h, addresses);
    }

    private static String toAscii(String host) {
        try {
            return java.net.IDN.toASCII(host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    private boolean isAllowlisted(InetAddress address) {
        for (Cidr range : allowedRanges) {
            if (range.contains(address)) return true;
        }
        return false;
    }

    private List<InetAddress> resolve(String name) throws UnknownHostException {
        Future<InetAddress[]> lookup = resolver.submit(() -> InetAddress.getAllByName(name));
        try {
            InetAddress[] all = lookup.get(dnsTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (all.length == 0) throw new UnknownHostException("no addresses");
            return Arrays.stream(all).distinct().collect(Collectors.toList());
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new UnknownHostException("DNS did not answer within " + dnsTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UnknownHostException u ? new UnknownHostException("no such host") : new UnknownHostException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException("interrupted while resolving");
        }
    }

    @PreDestroy
    void close() {
        resolver.shutdownNow();
    }
}
