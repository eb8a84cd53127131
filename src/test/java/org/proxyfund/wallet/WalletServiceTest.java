package org.proxyfund.wallet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.testing.RegtestNode;
import org.proxyfund.wallet.testing.WalletTestProfile;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(WalletTestProfile.class)
class WalletServiceTest {

    @Inject
    WalletService wallet;

    private final RegtestNode node = RegtestNode.shared();

    static String randomAddress(ScriptType type) {
        return new ECKey().toAddress(type, org.bitcoinj.base.BitcoinNetwork.REGTEST).toString();
    }

    @Test
    void shouldReceiveThenSignAndBroadcastAManyOutputTransactionTheNodeMines() {
        RegtestNode.await("wallet sync", Duration.ofSeconds(60),
                () -> wallet.state().synced() && wallet.state().chainHeight() >= node.blockCount());
        String a = QuarkusTransaction.requiringNew().call(wallet::freshReceiveAddress);
        String b = QuarkusTransaction.requiringNew().call(wallet::freshReceiveAddress);
        assertNotEquals(a, b);
        assertTrue(a.startsWith("bcrt1q"), a);

        String funding = node.sendToAddress(a, 150_000_000L);
        RegtestNode.await("payment seen", Duration.ofSeconds(30), () -> wallet.confirmations(funding) == 0);
        node.mine(1);
        RegtestNode.await("payment confirmed", Duration.ofSeconds(30), () -> wallet.confirmations(funding) == 1);
        assertTrue(wallet.balance(1).confirmedSats() >= 150_000_000L);

        String p2wpkh = randomAddress(ScriptType.P2WPKH);
        String p2pkh = randomAddress(ScriptType.P2PKH);
        SignResult result = wallet.buildAndSign(List.of(new PaymentOutput(p2wpkh, 40_000_000L),
                new PaymentOutput(p2pkh, 25_000_000L), new PaymentOutput(b, 10_000L)));
        SignResult.Signed signed = assertInstanceOf(SignResult.Signed.class, result);
        assertTrue(signed.feeSats() > 0 && signed.vsize() > 0);
        assertTrue(WalletScripts.verifyAllInputs(wallet.bitcoinjWallet(), signed.raw()) >= 1);
        assertEquals(-1, wallet.confirmations(signed.txid()), "building must not broadcast or commit");

        BroadcastResult sent = wallet.broadcast(signed.raw());
        assertEquals(BroadcastResult.Outcome.SENT, sent.outcome(), sent.detail());
        RegtestNode.await("tx in the node's mempool", Duration.ofSeconds(30), () -> node.mempool().contains(signed.txid()));
        String block = node.mine(1).get(0);
        assertTrue(node.blockTxids(block).contains(signed.txid()));
        RegtestNode.await("our tx confirmed", Duration.ofSeconds(30), () -> wallet.confirmations(signed.txid()) == 1);
        assertEquals(BroadcastResult.Outcome.ALREADY_KNOWN, wallet.broadcast(signed.raw()).outcome());
    }

    @Test
    void shouldRefuseBadOutputsAndAmountsBeyondTheBalanceAsValues() {
        assertInstanceOf(SignResult.InvalidOutput.class,
                wallet.buildAndSign(List.of(new PaymentOutput("bc1qnotanaddress", 10_000L))));
        assertInstanceOf(SignResult.InvalidOutput.class,
                wallet.buildAndSign(List.of(new PaymentOutput(randomAddress(ScriptType.P2WPKH), 100L))));
        assertInstanceOf(SignResult.InsufficientFunds.class,
                wallet.buildAndSign(List.of(new PaymentOutput(randomAddress(ScriptType.P2WPKH), 2_000_000_000_000_000L))));
    }
}
