package org.proxyfund.wallet;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Explorer links follow the configured network: never a mainnet link for a testnet or regtest transaction. */
@PlainLane
class ExplorerTest {

    static final String TXID = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

    private static Explorer on(BitcoinNetwork network, String txUrl, String addressUrl) {
        Explorer e = new Explorer();
        e.bitcoin = () -> network;
        e.config = new ExplorerConfig() {
            @Override
            public Optional<String> txUrl() {
                return Optional.ofNullable(txUrl);
            }

            @Override
            public Optional<String> addressUrl() {
                return Optional.ofNullable(addressUrl);
            }
        };
        return e;
    }

    @Test
    void shouldLinkToAnExplorerOfTheConfiguredNetworkByDefault() {
        assertEquals("https://mempool.space/tx/" + TXID, on(BitcoinNetwork.MAINNET, null, null).txUrl(TXID));
        assertEquals("https://mempool.space/testnet/tx/" + TXID, on(BitcoinNetwork.TESTNET, null, null).txUrl(TXID));
        assertEquals("https://mempool.space/signet/tx/" + TXID, on(BitcoinNetwork.SIGNET, null, null).txUrl(TXID));
        assertEquals("https://mempool.space/signet/address/tb1qexample", on(BitcoinNetwork.SIGNET, null, null).addressUrl("tb1qexample"));
        assertNull(on(BitcoinNetwork.REGTEST, null, null).txUrl(TXID), "regtest has no public explorer");
        assertNull(on(BitcoinNetwork.REGTEST, null, null).addressUrl("bcrt1qexample"));
    }

    @Test
    void shouldUseAConfiguredExplorerOrNoneAtAll() {
        Explorer local = on(BitcoinNetwork.REGTEST, "http://explorer.local/tx/{txid}", "http://explorer.local/a/{address}");
        assertEquals("http://explorer.local/tx/" + TXID, local.txUrl(TXID));
        assertEquals("http://explorer.local/a/bcrt1qexample", local.addressUrl("bcrt1qexample"));
        assertNull(on(BitcoinNetwork.MAINNET, "none", "none").txUrl(TXID), "'none' switches links off");
        assertEquals("https://example.org/tx/a%26b%3Cc", on(BitcoinNetwork.MAINNET, "https://example.org/tx/{txid}", null).txUrl("a&b<c"),
                "a value never breaks out of its place in the link");
    }
}
