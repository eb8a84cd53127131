package org.proxyfund.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to a public block explorer of the network this installation runs on, never of another: a testnet txid opened
 * on a mainnet explorer shows "not found" and teaches donors to distrust the page. Regtest has no public explorer, so
 * no link unless one is configured.
 */
@ApplicationScoped
public class Explorer {

    @Inject
    ExplorerConfig config;
    @Inject
    BitcoinConfig bitcoin;

    /** The explorer's page of a transaction, or null when the network has none. */
    public String txUrl(String txid) {
        String template = config.txUrl().orElseGet(() -> base() == null ? null : base() + "/tx/{txid}");
        return link(template, "{txid}", txid);
    }

    /** The explorer's page of an address, or null when the network has none. */
    public String addressUrl(String address) {
        String template = config.addressUrl().orElseGet(() -> base() == null ? null : base() + "/address/{address}");
        return link(template, "{address}", address);
    }

    private String base() {
        return switch (bitcoin.network()) {
            case MAINNET -> "https://mempool.space";
            case TESTNET -> "https://mempool.space/testnet";
            case SIGNET -> "https://mempool.space/signet";
            case REGTEST -> null;
        };
    }

    private static String link(String template, String placeholder, String value) {
        if (template == null || template.isBlank() || template.equals("none") || value == null) {
            return null;
        }
        return template.replace(placeholder, URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
