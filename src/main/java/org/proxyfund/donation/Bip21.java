package org.proxyfund.donation;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** BIP21 payment URIs; amounts in BTC as exact decimals computed from satoshis (no floating point). */
public final class Bip21 {

    private Bip21() {
    }

    /** {@code bitcoin:addr?amount=0.0015&label=...}; no amount parameter when {@code sats} is null. */
    public static String uri(String address, Long sats, String label) {
        StringBuilder uri = new StringBuilder("bitcoin:").append(address);
        String sep = "?";
        if (sats != null) {
            uri.append(sep).append("amount=").append(btc(sats));
            sep = "&";
        }
        if (label != null && !label.isBlank()) {
            uri.append(sep).append("label=").append(URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return uri.toString();
    }

    /** 150000 → "0.0015". */
    public static String btc(long sats) {
        BigDecimal v = BigDecimal.valueOf(sats, 8).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }
}
