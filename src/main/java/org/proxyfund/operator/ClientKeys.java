package org.proxyfund.operator;

import org.proxyfund.common.crypto.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.common.setting.AppSettingService;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Turns a client's IP address into a keyed hash (HMAC-SHA-256), so rate limits and the
 * "many sign-ups from one address" flag work without the database ever holding the address. The
 * key comes from proxyfund.operator.client-key-secret, or else is generated once per installation and
 * shared by all replicas through app_setting (then a database copy holds the key too, and IPv4's small
 * space could be searched: production should set the secret).
 */
@ApplicationScoped
public class ClientKeys {

    static final String SETTING = "operator.client_key_secret";

    @Inject
    AppSettingService settings;

    @Inject
    OperatorConfig config;

    private volatile byte[] key;

    /**
     * The keyed hash of a client address (base64url, 22 characters: 128 bits are plenty to count).
     * IPv6 clients are counted by their /64, since one subscriber usually gets a whole /64 and could
     * otherwise step around the limits by changing the low bits.
     */
    public String of(String clientAddress) {
        return keyed(countedPart(clientAddress));
    }

    /** The keyed hash of any short text (a typed handle), so the database never holds the text itself. */
    public String ofText(String text) {
        return keyed("text:" + text);
    }

    private String keyed(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] out = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(out, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String countedPart(String clientAddress) {
        String a = String.valueOf(clientAddress);
        if (a.indexOf(':') < 0) {
            return a;
        }
        try {
            // A literal: InetAddress parses it without any DNS lookup.
            byte[] b = InetAddress.getByName(a.startsWith("[") ? a.substring(1, a.length() - 1) : a).getAddress();
            if (b.length != 16) {
                return a;
            }
            return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
        } catch (UnknownHostException e) {
            return a;
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null && config.clientKeySecret().isPresent()) {
            k = config.clientKeySecret().get().getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        if (k == null) {
            // Several replicas may start at once: the first insert wins, all read the same key.
            String value = QuarkusTransaction.requiringNew().call(() -> settings.putIfAbsent(SETTING, Tokens.random()));
            k = value.getBytes(StandardCharsets.US_ASCII);
            key = k;
        }
        return k;
    }
}
