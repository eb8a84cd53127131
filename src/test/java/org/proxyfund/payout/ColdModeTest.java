package org.proxyfund.payout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.wallet.DeterministicSeed;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.psbt.PsbtReader;
import org.proxyfund.wallet.testing.Electrum;
import org.proxyfund.wallet.testing.PythonPsbtSigner;
import org.proxyfund.wallet.testing.RegtestNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cold mode: a watch-only wallet from the admins' account key. Donations go to its addresses, the approved batch is
 * signed by Electrum restored from the admins' mnemonic (the service cannot sign), the node mines it, each operator
 * is paid once; and no file the service wrote, no table and no configuration value holds the mnemonic, the seed, an
 * extended private key or the private key of any address the service handed out. A second independent signer
 * (tools/psbt-sign.py, from the BIP texts) signs a batch's PSBT downloaded from the admin page just as well.
 */
@QuarkusTest
@TestProfile(ColdModeTest.Cold.class)
class ColdModeTest {

    /** The regtest node and the cold wallet's account key; hot signing is not even switched off: cold forces PSBTs. */
    public static class Cold implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ColdWalletResource.class));
        }
    }

    private static final Pattern PSBT_TEXT = Pattern.compile("<textarea id=\"psbt-base64\"[^>]*>([^<]+)</textarea>");

    @Inject
    WalletService wallet;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutWorker worker;
    @Inject
    PayoutWalletFixture chain;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "proxyfund.test.cold-admin-folder")
    String adminFolder;
    @ConfigProperty(name = "proxyfund.wallet.data-dir")
    String dataDir;

    @Inject
    PsbtAdminMoves moves;

    final RegtestNode node = RegtestNode.shared();

    /** A test stopped half-way leaves no PSBT on offer for later tests: signed from the cold wallet's seed. */
    @AfterEach
    void signWhatIsLeft() throws Exception {
        moves.signLeftBehind(new PayoutTestData(em).admin(), Files.readString(Path.of(adminFolder, "mnemonic")));
        worker.runOnce();
    }

    @Test
    void shouldTakeDonationsAndPayThroughAnAdminSignedPsbtWithNoSpendingKeyOnTheServer() throws Exception {
        assertTrue(wallet.running(), "the watch-only wallet runs");
        assertFalse(wallet.canSign(), "and cannot sign");
        String mnemonic = Files.readString(Path.of(adminFolder, "mnemonic"));
        Electrum electrum = Electrum.restore(mnemonic);
        PayoutTestData data = new PayoutTestData(em);
        for (long id : queries.idsIn(BatchState.APPROVED)) {
            payouts.reject(id, data.admin(), "not part of the cold mode test");
        }
        chain.fund(200_000_000L); // eight donations through the donation service, to the cold account's addresses
        assertTrue(chain.confirmedBalance() >= 200_000_000L);
        org.proxyfund.common.testing.Management.given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("cold (watch-only)"));

        int start = node.blockCount() + 1;
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        data.owe(a, 70_000);
        data.owe(b, 1_500_000);
        PayoutOutcome proposed = payouts.propose("cold-" + UUID.randomUUID());
        PayoutBatchView batch = assertInstanceOf(PayoutOutcome.Proposed.class, proposed).batches().stream()
                .filter(x -> queries.lines(x.id()).stream().anyMatch(l -> l.accountId() == a)).findFirst().orElseThrow();
        while (queries.batch(batch.id()).orElseThrow().state() == BatchState.PROPOSED) {
            payouts.approve(batch.id(), data.admin(), batch.revision());
        }
        worker.runOnce();
        PayoutBatchView offered = queries.batch(batch.id()).orElseThrow();
        assertEquals(BatchState.AWAITING_SIGNATURES, offered.state(),
                () -> "the service cannot sign: the batch waits for the admins; " + offered.waitingReason());

        WebClient admin = WebClient.admin();
        Matcher m = PSBT_TEXT.matcher(admin.get("/admin/payouts/" + batch.id()).then().statusCode(200).extract().asString());
        assertTrue(m.find());
        String signed = electrum.sign(m.group(1).strip());
        admin.post("/admin/payouts/" + batch.id() + "/signed", "signed", signed).then().statusCode(200)
                .body(containsString("Signature accepted"));
        worker.runOnce();
        String txid = queries.batch(batch.id()).orElseThrow().txid();
        RegtestNode.await("in the node's mempool", Duration.ofSeconds(30), () -> node.mempool().contains(txid));
        RegtestNode.await("batch confirmed", Duration.ofSeconds(90), () -> {
            chain.mine(1);
            worker.track();
            return queries.batch(batch.id()).orElseThrow().state() == BatchState.CONFIRMED;
        });
        Map<String, long[]> paid = ChainPayments.received(node, start, Set.of(address(batch.id(), a), address(batch.id(), b)));
        assertEquals(70_000L, paid.get(address(batch.id(), a))[0]);
        assertEquals(1L, paid.get(address(batch.id(), a))[1]);
        assertEquals(1_500_000L, paid.get(address(batch.id(), b))[0]);
        assertEquals(1L, paid.get(address(batch.id(), b))[1]);

        List<String> secrets = secretsOf(mnemonic);
        assertTrue(inFile(electrum.walletFile(), secrets), "control: the scan finds the account key in Electrum's own wallet file");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(dataDir))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (inFile(f, secrets)) {
                    found.add("file " + f.getFileName());
                }
            }
        }
        assertTrue(Files.exists(Path.of(dataDir, "proxyfund.wallet")), "the watch-only wallet file was scanned");
        @SuppressWarnings("unchecked")
        List<String> tables = em.createNativeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").getResultList();
        assertTrue(tables.size() > 20, tables.toString());
        for (String table : tables) {
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery("SELECT row_to_json(t)::text FROM \"" + table + "\" t").getResultList();
            for (String row : rows) {
                secrets.stream().filter(row::contains).forEach(s -> found.add("table " + table));
            }
        }
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            String value = ConfigProvider.getConfig().getConfigValue(name).getValue();
            if (value != null && !name.equals("proxyfund.test.cold-admin-folder")) {
                secrets.stream().filter(value::contains).forEach(s -> found.add("config " + name));
            }
        }
        assertEquals(List.of(), found, "no spending secret anywhere the service writes or reads");
    }

    @Test
    void shouldPayEveryOperatorOnceWithThePsbtASecondIndependentSignerSignedFromTheAdminsSeed() throws Exception {
        String mnemonic = Files.readString(Path.of(adminFolder, "mnemonic"));
        PayoutTestData data = new PayoutTestData(em);
        for (long id : queries.idsIn(BatchState.APPROVED)) {
            payouts.reject(id, data.admin(), "not part of the cold mode test");
        }
        if (chain.confirmedBalance() < 50_000_000L) {
            chain.fund(100_000_000L);
        }
        int start = node.blockCount() + 1;
        long a = data.operator(PayoutTestData.someAddress());
        long b = data.operator(PayoutTestData.someAddress());
        data.owe(a, 55_000);
        data.owe(b, 2_100_000);
        PayoutOutcome proposed = payouts.propose("cold-python-" + UUID.randomUUID());
        PayoutBatchView batch = assertInstanceOf(PayoutOutcome.Proposed.class, proposed).batches().stream()
                .filter(x -> queries.lines(x.id()).stream().anyMatch(l -> l.accountId() == a)).findFirst().orElseThrow();
        while (queries.batch(batch.id()).orElseThrow().state() == BatchState.PROPOSED) {
            payouts.approve(batch.id(), data.admin(), batch.revision());
        }
        worker.runOnce();
        assertEquals(BatchState.AWAITING_SIGNATURES, queries.batch(batch.id()).orElseThrow().state());

        WebClient admin = WebClient.admin();
        admin.get("/admin/payouts/" + batch.id()).then().statusCode(200).body(containsString("/admin/payouts/" + batch.id() + "/psbt"));
        byte[] download = admin.get("/admin/payouts/" + batch.id() + "/psbt").then().statusCode(200).extract().asByteArray();
        PythonPsbtSigner.Answer signed = PythonPsbtSigner.sign(mnemonic, java.util.Base64.getEncoder().encodeToString(download));
        assertEquals(0, signed.exitCode(), signed.error());
        assertTrue(PsbtReader.readBase64(signed.psbtBase64()).inputs().stream().allMatch(in -> in.partialSigs().size() == 1
                && in.finalWitness() == null), "partial signatures only: the service combines and finalizes");
        admin.post("/admin/payouts/" + batch.id() + "/signed", "signed", signed.psbtBase64()).then().statusCode(200)
                .body(containsString("Signature accepted"));
        assertEquals(BatchState.SIGNED, queries.batch(batch.id()).orElseThrow().state(), "stored before anything sends it");
        worker.runOnce();
        String txid = queries.batch(batch.id()).orElseThrow().txid();
        RegtestNode.await("in the node's mempool", Duration.ofSeconds(30), () -> node.mempool().contains(txid));
        RegtestNode.await("batch confirmed", Duration.ofSeconds(90), () -> {
            chain.mine(1);
            worker.track();
            return queries.batch(batch.id()).orElseThrow().state() == BatchState.CONFIRMED;
        });
        Map<String, long[]> paid = ChainPayments.received(node, start, Set.of(address(batch.id(), a), address(batch.id(), b)));
        assertEquals(55_000L, paid.get(address(batch.id(), a))[0]);
        assertEquals(1L, paid.get(address(batch.id(), a))[1], "one output, once");
        assertEquals(2_100_000L, paid.get(address(batch.id(), b))[0]);
        assertEquals(1L, paid.get(address(batch.id(), b))[1], "one output, once");
        assertEquals(0, data.payable(a));
        assertEquals(0, data.payable(b));
    }

    private static boolean inFile(Path f, List<String> secrets) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, StandardCharsets.ISO_8859_1) + HexFormat.of().formatHex(bytes);
        return secrets.stream().anyMatch(text::contains);
    }

    private String address(long batchId, long accountId) {
        return queries.lines(batchId).stream().filter(l -> l.accountId() == accountId).findFirst().orElseThrow().address();
    }

    /**
     * What would let someone spend: the mnemonic (and every run of three of its words), the BIP-39 seed, the account's
     * extended private key, and the private key (hex and WIF) of every receive and change address up to well past the
     * highest index the service handed out.
     */
    @SuppressWarnings("unchecked")
    private List<String> secretsOf(String mnemonic) {
        List<String> s = new ArrayList<>();
        s.add(mnemonic);
        String[] words = mnemonic.split(" ");
        for (int i = 0; i + 3 <= words.length; i++) {
            s.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        }
        byte[] seed = DeterministicSeed.ofMnemonic(mnemonic, "").getSeedBytes();
        s.add(HexFormat.of().formatHex(seed));
        DeterministicKey account = HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(HDKeyDerivation.deriveChildKey(
                HDKeyDerivation.createMasterPrivateKey(seed), new ChildNumber(84, true)), new ChildNumber(1, true)), new ChildNumber(0, true));
        s.add(account.serializePrivB58(BitcoinNetwork.REGTEST, ScriptType.P2WPKH));
        s.add(account.serializePrivB58(BitcoinNetwork.REGTEST, ScriptType.P2PKH));
        Number highest = (Number) em.createNativeQuery("SELECT COALESCE(MAX(address_index), 0) FROM wallet_address").getSingleResult();
        for (int chainIndex = 0; chainIndex <= 1; chainIndex++) {
            DeterministicKey chainKey = HDKeyDerivation.deriveChildKey(account, new ChildNumber(chainIndex, false));
            for (int i = 0; i <= highest.intValue() + 40; i++) {
                DeterministicKey key = HDKeyDerivation.deriveChildKey(chainKey, new ChildNumber(i, false));
                s.add(key.getPrivateKeyAsHex());
                s.add(key.getPrivateKeyAsWiF(BitcoinNetwork.REGTEST));
            }
        }
        return s;
    }
}
