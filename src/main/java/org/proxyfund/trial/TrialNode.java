package org.proxyfund.trial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proxyfund.wallet.node.BcoinRpc;
import org.proxyfund.wallet.node.Faucet;
import org.proxyfund.wallet.node.LocalNodeConfig;
import org.proxyfund.wallet.node.LocalNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the trial console does with the regtest node: pay an address with the test coins of the {@link Faucet}, mine
 * blocks to it, read the height. The node is the local one of ./run unless proxyfund.trial.node-* name another; the
 * faucet's key is kept in the local node's data folder (proxyfund.local-node.data-dir).
 */
@ApplicationScoped
public class TrialNode {

    /** Most blocks one click mines. */
    static final int MAX_BLOCKS = 100;
    /** Most one payment sends (the node holds thousands of test BTC; a typo should not empty it). */
    static final long MAX_PAY_SATS = 10_00000000L;

    @Inject
    TrialConfig config;
    @Inject
    LocalNodeConfig localNode;

    /** The outcome of a console action, shown on its page. */
    public sealed interface Outcome {
        /** Done; {@code detail} is the txid paid or the new height. */
        record Done(String detail) implements Outcome {
        }

        /** Not done; {@code code} names the reason (no-node, amount, blocks, node). */
        record Refused(String code, String detail) implements Outcome {
        }
    }

    /** The node's height and the faucet's address, when a node answers. */
    public record Status(int height, String faucetAddress) {
    }

    Optional<Status> status() {
        return rpc().flatMap(rpc -> {
            try {
                return Optional.of(new Status(rpc.node("getblockcount").asInt(), faucet().address()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Pays {@code sats} from the faucet to {@code address} (standard regtest spelling, bcrt1… or legacy). */
    Outcome pay(String address, long sats) {
        if (sats <= 0 || sats > MAX_PAY_SATS) {
            return new Outcome.Refused("amount", null);
        }
        Optional<BcoinRpc> rpc = rpc();
        if (rpc.isEmpty()) {
            return new Outcome.Refused("no-node", null);
        }
        try {
            return new Outcome.Done(faucet().pay(rpc.get(), address.strip(), sats));
        } catch (IOException | RuntimeException e) {
            return new Outcome.Refused("node", e.getMessage());
        }
    }

    /** Mines {@code blocks} blocks paying the faucet. */
    Outcome mine(int blocks) {
        if (blocks < 1 || blocks > MAX_BLOCKS) {
            return new Outcome.Refused("blocks", null);
        }
        Optional<BcoinRpc> rpc = rpc();
        if (rpc.isEmpty()) {
            return new Outcome.Refused("no-node", null);
        }
        try {
            rpc.get().node("generatetoaddress", blocks, BcoinRpc.toNode(faucet().address()));
            return new Outcome.Done(Integer.toString(rpc.get().node("getblockcount").asInt()));
        } catch (IOException | RuntimeException e) {
            return new Outcome.Refused("node", e.getMessage());
        }
    }

    private Faucet faucet() throws IOException {
        return Faucet.in(Path.of(localNode.dataDir()));
    }

    private Optional<BcoinRpc> rpc() {
        if (config.nodeRpcUrl().isPresent() && config.nodeApiKey().isPresent()) {
            return Optional.of(new BcoinRpc(config.nodeRpcUrl().get(), config.nodeApiKey().get()));
        }
        return LocalNode.running().map(BcoinRpc::new);
    }
}
