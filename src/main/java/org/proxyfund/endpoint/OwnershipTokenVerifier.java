package org.proxyfund.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import org.proxyfund.endpoint.OwnershipCheck.Method;
import org.proxyfund.endpoint.OwnershipCheck.Outcome;

import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.regex.Pattern;

/**
 * Checks that an endpoint's host publishes its ownership token: a TXT record at {@code _proxyfund.<host>} or the token
 * as the body of {@code http://<host>/.well-known/proxyfund/<token>}. The HTTP check runs the SSRF guard first and
 * connects to the address the guard approved (no second DNS lookup, so no rebinding), follows no redirects.
 */
@ApplicationScoped
public class OwnershipTokenVerifier {

    private static final int MAX_RESPONSE = 8192;
    private static final Pattern STATUS_200 = Pattern.compile("HTTP/1\\.[01] 200( .*)?");
    private final HostGuard hostGuard;
    private final EndpointConfig config;

    public OwnershipTokenVerifier(HostGuard hostGuard, EndpointConfig config) {
        this.hostGuard = hostGuard;
        this.config = config;
    }

    /** The TXT record name for a host. */
    public static String txtName(String host) {
        return "_proxyfund." + IpLiterals.stripBrackets(host.trim()).toLowerCase(java.util.Locale.ROOT);
    }

    /** The well-known URL for a host, port and token. */
    public static String wellKnownUrl(String host, int port, String token) {
        return "http://" + CredentialIssuer.hostForUri(host.trim()) + (port == 80 ? "" : ":" + port)
                + "/.well-known/proxyfund/" + token;
    }

    /** Tries the DNS TXT record, then the well-known URL on port 80. */
    public OwnershipCheck verify(String host, String token) {
        return verify(host, token, 80);
    }

    /** Tries the DNS TXT record, then the well-known URL on this port. */
    public OwnershipCheck verify(String host, String token, int httpPort) {
        if (!IpLiterals.looksLikeLiteral(host)) {
            OwnershipCheck dns = verifyDns(host, token);
            if (dns.verified()) return dns;
        }
        return verifyHttp(host, httpPort, token);
    }

    /** Looks for a TXT record at _proxyfund.&lt;host&gt; whose text equals the token. */
    public OwnershipCheck verifyDns(String host, String token) {
        String name = txtName(host);
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", "dns://" + config.dnsServer().orElse("") + "/");
        env.put("com.sun.jndi.dns.timeout.initial", String.valueOf(Math.max(100, config.dnsTimeout().toMillis() / 2)));
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(name, new String[]{"TXT"});
            Attribute txt = attributes.get("TXT");
            if (txt != null) {
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) {
                    if (token.equals(unquote(String.valueOf(values.next())))) {
                        return new OwnershipCheck(Outcome.VERIFIED, Method.DNS_TXT, "Found the token in the TXT record of " + name + ".");
                    }
                }
            }
            return new OwnershipCheck(Outcome.NOT_FOUND, Method.DNS_TXT, "No TXT record of " + name + " holds the token.");
        } catch (NameNotFoundException e) {
            return new OwnershipCheck(Outcome.NOT_FOUND, Method.DNS_TXT, name + " does not exist in DNS.");
        } catch (NamingException e) {
            return new OwnershipCheck(Outcome.UNREACHABLE, Method.DNS_TXT, "DNS lookup of " + name + " failed: " + e.getExplanation());
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // nothing held open worth reporting
                }
            }
        }
    }

    /** Fetches http://host:port/.well-known/proxyfund/&lt;token&gt; and expects the token as its body. */
    public OwnershipCheck verifyHttp(String host, int port, String token) {
        HostVerdict verdict = hostGuard.check(host);
        if (!verdict.allowed()) return new OwnershipCheck(Outcome.HOST_REFUSED, Method.HTTP_WELL_KNOWN, verdict.message());
        String url = wellKnownUrl(host, port, token);
        int timeout = (int) config.httpTimeout().toMillis();
        InetAddress address = verdict.addresses().get(0);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), timeout);
            socket.setSoTimeout(timeout);
            String request = "GET /.well-known/proxyfund/" + token + " HTTP/1.0\r\nHost: " + hostHeader(host, port)
                    + "\r\nUser-Agent: proxyfund-ownership-check\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readLimited(socket.getInputStream());
            int headerEnd = response.indexOf("\r\n\r\n");
            String statusLine = response.lines().findFirst().orElse("");
            if (headerEnd < 0 || !STATUS_200.matcher(statusLine).matches()) {
                return new OwnershipCheck(Outcome.NOT_FOUND, Method.HTTP_WELL_KNOWN, url + " answered \"" + statusLine + "\", not 200 with the token.");
            }
            if (!response.substring(headerEnd + 4).trim().equals(token)) {
                return new OwnershipCheck(Outcome.NOT_FOUND, Method.HTTP_WELL_KNOWN, url + " answered, but its body is not the token.");
            }
            return new OwnershipCheck(Outcome.VERIFIED, Method.HTTP_WELL_KNOWN, "Found the token at " + url + ".");
        } catch (IOException e) {
            return new OwnershipCheck(Outcome.UNREACHABLE, Method.HTTP_WELL_KNOWN,
                    "Could not fetch " + url + " from " + address.getHostAddress() + ": " + e.getMessage());
        }
    }

    private static String hostHeader(String host, int port) {
        return CredentialIssuer.hostForUri(host.trim()) + (port == 80 ? "" : ":" + port);
    }

    private static String readLimited(InputStream in) throws IOException {
        byte[] buffer = in.readNBytes(MAX_RESPONSE);
        return new String(buffer, StandardCharsets.ISO_8859_1);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
