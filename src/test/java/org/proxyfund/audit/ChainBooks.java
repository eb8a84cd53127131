package org.proxyfund.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.proxyfund.wallet.testing.RegtestNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's money as the regtest node's blocks show it, computed without the service: every block of the best
 * chain from a height on is read over the node's RPC and its outputs decoded there. A donation is an output to one of
 * the donation addresses the test was given; a payout is a transaction spending the wallet's coins (donation outputs
 * and the change of earlier payouts), its outputs to the operators' addresses paid, the rest change, its fee the
 * inputs less the outputs.
 */
final class ChainBooks {

    /** One payout transaction: block, time and what it paid. */
    record Payout(String txid, int height, long time, long paidSats, long feeSats, int outputs) {
    }

    long receivedSats;
    int receivedCount;
    final List<Payout> payouts = new ArrayList<>();
    final Map<String, Long> unspent = new HashMap<>();
    int tip;

    /** Reads the chain from {@code fromHeight} to the node's tip. */
    static ChainBooks read(RegtestNode node, int fromHeight, Set<String> donationAddresses, Set<String> operatorAddresses) {
        ChainBooks b = new ChainBooks();
        Set<String> donations = spelled(donationAddresses);
        Set<String> operators = spelled(operatorAddresses);
        b.tip = node.blockCount();
        for (int h = fromHeight; h <= b.tip; h++) {
            JsonNode block = node.rpc("getblock", node.rpc("getblockhash", h).asText(), true, true);
            for (JsonNode tx : block.path("tx")) {
                b.apply(tx, h, block.path("time").asLong(), donations, operators);
            }
        }
        return b;
    }

    private void apply(JsonNode tx, int height, long time, Set<String> donations, Set<String> operators) {
        String txid = tx.path("txid").asText();
        long in = 0;
        boolean ours = false;
        for (JsonNode vin : tx.path("vin")) {
            Long spent = unspent.remove(vin.path("txid").asText() + ":" + vin.path("vout").asInt());
            if (spent != null) {
                ours = true;
                in += spent;
            }
        }
        long out = 0;
        long paid = 0;
        int paidOutputs = 0;
        for (JsonNode vout : tx.path("vout")) {
            long sats = new BigDecimal(vout.path("value").asText()).movePointRight(8).longValueExact();
            String address = address(vout);
            out += sats;
            String outpoint = txid + ":" + vout.path("n").asInt();
            if (address != null && donations.contains(address)) {
                receivedSats += sats;
                receivedCount++;
                unspent.put(outpoint, sats);
            } else if (ours && address != null && operators.contains(address)) {
                paid += sats;
                paidOutputs++;
            } else if (ours) {
                unspent.put(outpoint, sats); // change back to the wallet
            }
        }
        if (ours) {
            payouts.add(new Payout(txid, height, time, paid, in - out, paidOutputs));
        }
    }

    /** Payouts buried at least {@code depth} deep. */
    List<Payout> payoutsAtDepth(int depth) {
        return payouts.stream().filter(p -> tip - p.height() + 1 >= depth).toList();
    }

    long balanceSats() {
        return unspent.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String address(JsonNode vout) {
        String a = vout.path("scriptPubKey").path("address").asText(null);
        if (a == null) {
            JsonNode list = vout.path("scriptPubKey").path("addresses");
            a = list.isArray() && !list.isEmpty() ? list.get(0).asText() : null;
        }
        return a;
    }

    private static Set<String> spelled(Set<String> addresses) {
        Set<String> out = new HashSet<>();
        addresses.forEach(a -> out.add(RegtestNode.toNode(a)));
        return out;
    }
}
