package org.proxyfund.payout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.bitcoinj.base.Coin;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.psbt.Psbt;
import org.proxyfund.wallet.psbt.PsbtReader;
import org.proxyfund.wallet.psbt.PsbtWriter;
import org.proxyfund.wallet.testing.Electrum;
import org.proxyfund.wallet.testing.RegtestNode;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payouts signed by an admin's own wallet: the approved batch becomes a PSBT on its admin page, Debian's Electrum
 * (restored offline from the fund's seed) signs the downloaded PSBT, the upload is checked against the batch and sent
 * by the payout worker from the stored bytes; the node mines it and every operator is paid once. Uploads for other
 * amounts, another fee, by a foreign key or a second time are refused with clear messages, in English and Russian.
 */
@QuarkusTest
@TestProfile(PsbtSigningProfile.class)
class PayoutPsbtTest {

    private static final Pattern PSBT_TEXT = Pattern.compile("<textarea id=\"psbt-base64\"[^>]*>([^<]+)</textarea>");

    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    PsbtSigning signing;
    @Inject
    PsbtAdminMoves moves;
    @Inject
    OtherBatches others;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "proxyfund.wallet.mnemonic")
    String mnemonic;

    PayoutTestData data;
    final RegtestNode node = RegtestNode.shared();
    static Electrum electrum;

    @BeforeEach
    void setUp() {
        data = new PayoutTestData(em);
        chain.mine(1);
        chain.awaitSynced();
        if (chain.confirmedBalance() < 100_000_000L) {
            chain.fund(300_000_000L);
        }
        if (electrum == null) {
            electrum = Electrum.restore(mnemonic);
        }
        // Batches other tests left approved would be offered first (oldest first): they are not this test's.
        for (long id : queries.idsIn(BatchState.APPROVED)) {
            payouts.reject(id, data.admin(), "not part of the PSBT test");
        }
    }

    /**
     * A test leaves no PSBT on offer (later offers would wait for it, its coins stay reserved) and nothing in flight:
     * the next profile's wallet is another, which would never see this one's transaction confirm.
     */
    @AfterEach
    void leaveNothingOpen() {
        moves.signLeftBehind(data.admin());
        others.closeInFlight();
    }

    /** Two operators owed, their batch proposed and approved, then the worker's pass: it awaits signatures. */
    PayoutBatchView awaiting(long a, long b) {
        data.owe(a, 40_000);
        data.owe(b, 2_500_000);
        PayoutOutcome proposed = payouts.propose("psbt-" + UUID.randomUUID());
        PayoutBatchView batch = assertInstanceOf(PayoutOutcome.Proposed.class, proposed).batches().stream()
                .filter(x -> queries.lines(x.id()).stream().anyMatch(l -> l.accountId() == a)).findFirst().orElseThrow();
        while (queries.batch(batch.id()).orElseThrow().state() == BatchState.PROPOSED) {
            payouts.approve(batch.id(), data.admin(), batch.revision());
        }
        worker.runOnce();
        PayoutBatchView now = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.AWAITING_SIGNATURES, now.state(), "approved and offered, not signed by the service");
        assertTrue(queries.transactions(batch.id()).isEmpty(), "no signed transaction exists yet");
        return now;
    }

    private static String psbtOnPage(WebClient admin, long batchId) {
        String page = admin.get("/admin/payouts/" + batchId).then().statusCode(200).extract().asString();
        Matcher m = PSBT_TEXT.matcher(page);
        assertTrue(m.find(), "the page offers the PSBT as base64");
        return m.group(1).strip();
    }

    private static Response upload(WebClient admin, long batchId, String signed) {
        return admin.post("/admin/payouts/" + batchId + "/signed", "signed", signed);
    }

    @Test
    void shouldPayEveryOperatorOnceWithThePsbtElectrumSignedFromTheAdminPage() {
        int start = node.blockCount() + 1;
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        PayoutBatchView batch = awaiting(a, b);
        WebClient admin = WebClient.admin();
        String base64 = psbtOnPage(admin, batch.id());
        Response file = admin.get("/admin/payouts/" + batch.id() + "/psbt");
        file.then().statusCode(200).header("Content-Disposition", containsString(".psbt"));
        assertArrayEquals(Base64.getDecoder().decode(base64), file.asByteArray(), "the download is the PSBT on the page");

        String signed = electrum.sign(base64);
        upload(admin, batch.id(), signed).then().statusCode(200).body(containsString("Signature accepted"));
        PayoutBatchView stored = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.SIGNED, stored.state(), "stored before anything sends it");
        assertTrue(node.mempool().stream().noneMatch(stored.txid()::equals), "not sent by the upload itself");

        worker.runOnce(); // the one broadcast place sends the stored bytes
        RegtestNode.await("in the node's mempool", Duration.ofSeconds(30), () -> node.mempool().contains(stored.txid()));
        RegtestNode.await("batch confirmed", Duration.ofSeconds(90), () -> {
            chain.mine(1);
            worker.track();
            return queries.batch(batch.id()).orElseThrow().state() == BatchState.CONFIRMED;
        });
        Map<Long, String> addresses = Map.of(a, line(batch.id(), a), b, line(batch.id(), b));
        Map<String, long[]> paid = ChainPayments.received(node, start, Set.copyOf(addresses.values()));
        assertEquals(40_000L, paid.get(addresses.get(a))[0]);
        assertEquals(1L, paid.get(addresses.get(a))[1], "one output, once");
        assertEquals(2_500_000L, paid.get(addresses.get(b))[0]);
        assertEquals(1L, paid.get(addresses.get(b))[1], "one output, once");
        assertEquals(0, data.payable(a));
        assertEquals(0, data.payable(b));
    }

    @Test
    void shouldRefuseOtherAmountsAnotherFeeAForeignKeyAndASecondUploadWithClearMessages() {
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        PayoutBatchView batch = awaiting(a, b);
        WebClient admin = WebClient.admin();
        String base64 = psbtOnPage(admin, batch.id());
        Psbt proposal = PsbtReader.readBase64(base64);
        int change = proposal.outputs().size() - 1;
        assertTrue(!proposal.outputs().get(change).origins().isEmpty(), "the last output is the change");
        int lineOfB = queries.lines(batch.id()).stream().filter(l -> l.accountId() == b).findFirst().orElseThrow().position();

        upload(admin, batch.id(), electrum.sign(tampered(base64, lineOfB, -100_000))).then().statusCode(422)
                .body(containsString("Refused: output " + lineOfB + " pays 2400000 sat"))
                .body(containsString("the batch proposed 2500000 sat"));
        upload(admin, batch.id(), electrum.sign(tampered(base64, change, -30_000))).then().statusCode(422)
                .body(containsString("Refused: its fee is"));
        admin.request().header("Accept-Language", "ru").formParam("csrf", admin.csrf())
                .formParam("signed", electrum.sign(tampered(base64, change, -30_000)))
                .post("/admin/payouts/" + batch.id() + "/signed").then().statusCode(422)
                .body(containsString("Отклонено: её комиссия"));
        upload(admin, batch.id(), "not a transaction").then().statusCode(422)
                .body(containsString("neither a PSBT nor a signed transaction"));
        assertEquals(BatchState.AWAITING_SIGNATURES, queries.batch(batch.id()).orElseThrow().state(), "nothing stored");

        String signed = electrum.sign(base64);
        upload(admin, batch.id(), signed).then().statusCode(200).body(containsString("Signature accepted"));
        upload(admin, batch.id(), signed).then().statusCode(409).body(containsString("You already signed this batch"));
        long other = data.admin();
        PsbtUpload second = signing.accept(batch.id(), other, signed.getBytes());
        assertEquals(BatchState.SIGNED, assertInstanceOf(PsbtUpload.NotAwaiting.class, second).state());
        long rootAdmin = QuarkusTransaction.requiringNew().call(() -> Account.byHandle("root-admin").orElseThrow().id);
        assertInstanceOf(PsbtUpload.AlreadySignedByYou.class, signing.accept(batch.id(), rootAdmin, signed.getBytes()));
        assertEquals(1, queries.transactions(batch.id()).size(), "one signed transaction on record");
        worker.runOnce();
        assertEquals(BatchState.BROADCAST, queries.batch(batch.id()).orElseThrow().state());
    }

    @Test
    void shouldRefuseTheSignatureOfAnOlderRevisionOnceANewPsbtSpendingTheSameCoinsWasBuilt() {
        PayoutBatchView batch = awaiting(data.operator(PayoutTestData.someAddress()), data.operator(PayoutTestData.someAddress()));
        WebClient admin = WebClient.admin();
        String first = psbtOnPage(admin, batch.id());
        String signedFirst = electrum.sign(first);
        admin.post("/admin/payouts/" + batch.id() + "/psbt/renew", "satPerVb", "25").then().statusCode(200);
        String second = psbtOnPage(admin, batch.id());
        Transaction one = Transaction.read(ByteBuffer.wrap(PsbtReader.readBase64(first).unsignedTx()));
        Transaction two = Transaction.read(ByteBuffer.wrap(PsbtReader.readBase64(second).unsignedTx()));
        assertTrue(!one.getTxId().equals(two.getTxId()), "a new transaction");
        assertTrue(two.getInputs().stream().map(i -> i.getOutpoint().toString()).toList()
                .containsAll(one.getInputs().stream().map(i -> i.getOutpoint().toString()).toList()),
                "it spends every coin of revision 1: at most one of them can ever confirm");

        upload(admin, batch.id(), signedFirst).then().statusCode(422)
                .body(containsString("this is the transaction of revision 1 of the PSBT; the current one is revision 2"));
        upload(admin, batch.id(), electrum.sign(second)).then().statusCode(200).body(containsString("Signature accepted"));
        assertEquals(two.getTxId().toString(), queries.batch(batch.id()).orElseThrow().txid());
        worker.runOnce();
        assertEquals(BatchState.BROADCAST, queries.batch(batch.id()).orElseThrow().state());
    }

    private String line(long batchId, long accountId) {
        return queries.lines(batchId).stream().filter(l -> l.accountId() == accountId).findFirst().orElseThrow().address();
    }

    /** The PSBT with {@code delta} sats on output {@code vout}: what a wallet tampered with would be asked to sign. */
    private static String tampered(String base64, int vout, long delta) {
        Psbt p = PsbtReader.readBase64(base64);
        Transaction tx = Transaction.read(ByteBuffer.wrap(p.unsignedTx()));
        TransactionOutput out = tx.getOutput(vout);
        tx.replaceOutput(vout, new TransactionOutput(tx, out.getValue().add(Coin.valueOf(delta)), out.getScriptBytes()));
        return PsbtWriter.base64(new Psbt(tx.serialize(), p.inputs(), p.outputs()));
    }
}
