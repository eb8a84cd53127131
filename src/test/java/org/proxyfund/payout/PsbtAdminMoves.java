package org.proxyfund.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.proxyfund.wallet.PsbtCheck;
import org.proxyfund.wallet.psbt.Psbt;
import org.proxyfund.wallet.psbt.PsbtReader;
import org.proxyfund.wallet.psbt.PsbtWriter;
import org.proxyfund.wallet.testing.PythonPsbtSigner;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The PSBT path's moves for the fault-injection and simulation tests, through the same beans the admin page and the
 * worker use: the oldest approved batch becomes a PSBT; an admin signs a batch awaiting signatures with an independent
 * signer (tools/psbt-sign.py, from the wallet's seed) and uploads it, after trying what must be refused: a partly
 * signed PSBT, the signature of a stale revision (after a new one was built: the first time, then at random), and a
 * second upload by the same admin.
 */
@ApplicationScoped
class PsbtAdminMoves {

    @Inject
    PsbtOffers offers;
    @Inject
    PsbtSigning signing;
    @Inject
    PayoutQueries queries;
    /** The hot wallet's seed, which the admins' signer holds too; absent in profiles without one (this bean is in every one). */
    @ConfigProperty(name = "proxyfund.wallet.mnemonic")
    Optional<String> mnemonic;

    private final Map<String, Integer> counts = new TreeMap<>();

    /** What happened so far: uploads accepted, refusals by kind, new revisions (a method: CDI proxies hide fields). */
    Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    /** The worker's offer when the admins sign: the oldest APPROVED batch becomes a PSBT, none while one is SIGNED. */
    boolean offer() {
        if (!queries.idsIn(BatchState.SIGNED).isEmpty()) {
            return false;
        }
        return offers.offerApproved() > 0;
    }

    /** Whether a batch awaits signatures. */
    boolean awaiting() {
        return !queries.idsIn(BatchState.AWAITING_SIGNATURES).isEmpty();
    }

    /**
     * An admin signs one batch awaiting signatures and uploads it; with {@code abuse}, first a partly signed PSBT and
     * (at random) the signature of a revision a new PSBT made stale, both refused with nothing stored. False when no
     * batch awaits signatures. A fault may strike between the finalizing and the storing of the upload.
     */
    boolean signOne(Random random, long admin, boolean abuse) {
        List<Long> awaiting = queries.idsIn(BatchState.AWAITING_SIGNATURES);
        if (awaiting.isEmpty()) {
            return false;
        }
        long id = awaiting.get(random.nextInt(awaiting.size()));
        PayoutPsbt current = signing.current(id).orElseThrow();
        String signed = sign(current);
        if (abuse) {
            refused(id, admin, partly(signed, random), PsbtCheck.Reason.NOT_SIGNED, "partly signed");
            if (random.nextBoolean() || !counts.containsKey("new revision")) {
                long rate = Math.max(1, current.feeSats() / Math.max(1, current.vsize())) + 1 + random.nextInt(3);
                if (offers.renew(id, rate) instanceof PayoutOutcome.Done) {
                    counts.merge("new revision", 1, Integer::sum);
                    refused(id, admin, signed, PsbtCheck.Reason.OLD_REVISION, "stale revision");
                    signed = sign(signing.current(id).orElseThrow());
                }
            }
        }
        PsbtUpload upload = signing.accept(id, admin, signed.getBytes());
        assertInstanceOf(PsbtUpload.Accepted.class, upload, "batch " + id + ": the signed current PSBT is accepted");
        counts.merge("accepted", 1, Integer::sum);
        // The first three accepted uploads are always tried again (the coverage the simulation asserts), then one in three.
        if (abuse && (counts.getOrDefault("refused: same admin twice", 0) < 3 || random.nextInt(3) == 0)) {
            assertInstanceOf(PsbtUpload.AlreadySignedByYou.class, signing.accept(id, admin, signed.getBytes()));
            counts.merge("refused: same admin twice", 1, Integer::sum);
        }
        return true;
    }

    /**
     * Signs and uploads (with the fund's seed, {@code seed}) every batch a test left awaiting signatures, so no later
     * test in the same JVM meets its PSBT (offers wait for it; its coins stay reserved). Returns how many it signed;
     * the uploads are SIGNED, and the worker's next pass sends them.
     */
    int signLeftBehind(long admin, String seed) {
        int n = 0;
        for (long id : queries.idsIn(BatchState.AWAITING_SIGNATURES)) {
            PythonPsbtSigner.Answer a = PythonPsbtSigner.sign(seed,
                    Base64.getEncoder().encodeToString(signing.current(id).orElseThrow().psbt()));
            if (a.exitCode() == 0 && signing.accept(id, admin, a.psbtBase64().getBytes()) instanceof PsbtUpload.Accepted) {
                n++;
            }
        }
        return n;
    }

    /** {@link #signLeftBehind(long, String)} with the hot wallet's seed (nothing in profiles without one). */
    int signLeftBehind(long admin) {
        return mnemonic.map(seed -> signLeftBehind(admin, seed)).orElse(0);
    }

    private void refused(long id, long admin, String upload, PsbtCheck.Reason reason, String kind) {
        PsbtUpload answer = signing.accept(id, admin, upload.getBytes());
        PsbtUpload.Refused r = assertInstanceOf(PsbtUpload.Refused.class, answer, "batch " + id + ": a " + kind + " upload");
        assertEquals(reason, r.why().reason(), r.why().english());
        assertEquals(BatchState.AWAITING_SIGNATURES, queries.batch(id).orElseThrow().state(), "nothing stored");
        counts.merge("refused: " + kind, 1, Integer::sum);
    }

    private String sign(PayoutPsbt psbt) {
        PythonPsbtSigner.Answer a = PythonPsbtSigner.sign(mnemonic.orElseThrow(), Base64.getEncoder().encodeToString(psbt.psbt()));
        assertEquals(0, a.exitCode(), a.error());
        return a.psbtBase64();
    }

    /** The signed PSBT with one input's signature left out (the only one's, for a single input). */
    private static String partly(String signed, Random random) {
        Psbt p = PsbtReader.readBase64(signed);
        int left = random.nextInt(p.inputs().size());
        List<Psbt.Input> inputs = new ArrayList<>(p.inputs());
        Psbt.Input in = inputs.get(left);
        inputs.set(left, Psbt.Input.unsigned(in.nonWitnessUtxo(), in.witnessUtxo(), in.origins()));
        return PsbtWriter.base64(new Psbt(p.unsignedTx(), inputs, p.outputs()));
    }
}
