package org.proxyfund.payout;

import com.fasterxml.jackson.databind.JsonNode;
import org.proxyfund.wallet.testing.RegtestNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What the regtest chain itself paid to a set of addresses, read block by block from the node (no wallet involved). */
final class ChainPayments {

    private ChainPayments() {
    }

    /**
     * Satoshis received by each of {@code addresses} (standard spelling) in the node's best chain from
     * {@code fromHeight} on, and how many outputs paid each.
     */
    static Map<String, long[]> received(RegtestNode node, int fromHeight, Set<String> addresses) {
        Map<String, String> byNodeSpelling = new HashMap<>();
        addresses.forEach(a -> byNodeSpelling.put(RegtestNode.toNode(a), a));
        Map<String, long[]> out = new HashMap<>();
        int tip = node.blockCount();
        for (int h = fromHeight; h <= tip; h++) {
            String hash = node.rpc("getblockhash", h).asText();
            for (JsonNode tx : node.rpc("getblock", hash, true, true).path("tx")) {
                for (JsonNode vout : tx.path("vout")) {
                    String address = vout.path("scriptPubKey").path("address").asText(null);
                    if (address == null) {
                        JsonNode list = vout.path("scriptPubKey").path("addresses");
                        address = list.isArray() && !list.isEmpty() ? list.get(0).asText() : null;
                    }
                    String ours = address == null ? null : byNodeSpelling.get(address);
                    if (ours != null) {
                        long sats = new BigDecimal(vout.path("value").asText()).movePointRight(8).longValueExact();
                        long[] acc = out.computeIfAbsent(ours, k -> new long[2]);
                        acc[0] += sats;
                        acc[1]++;
                    }
                }
            }
        }
        return out;
    }
}
