package org.proxyfund.donation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proxyfund.common.crypto.Tokens;
import org.proxyfund.wallet.BitcoinConfig;
import org.proxyfund.wallet.WalletService;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Creates donations with fresh addresses and owns their status; payments arrive through DonationReconciler. */
@ApplicationScoped
public class DonationService {

    public static final int MESSAGE_MAX = 200;
    public static final long MAX_SATS = 2_100_000_000_000_000L;

    @Inject
    WalletService wallet;
    @Inject
    DonationConfig config;
    @Inject
    BitcoinConfig bitcoin;

    /** The outcome of asking for a donation address. */
    public sealed interface CreateResult {
        /** A new donation with its fresh address. */
        record Created(Donation donation) implements CreateResult {
        }

        /** Bad input; {@code field} names what to fix. */
        record Invalid(String field) implements CreateResult {
        }

        /** The wallet is not running; try again later. */
        record Unavailable() implements CreateResult {
        }
    }

    /** Creates a donation with an address never handed out before. {@code sats} and {@code message} are optional. */
    @Transactional
    public CreateResult create(Long sats, String message) {
        if (sats != null && (sats <= 0 || sats > MAX_SATS)) {
            return new CreateResult.Invalid("amount");
        }
        String msg = message == null || message.isBlank() ? null : message.strip();
        if (msg != null && (msg.length() > MESSAGE_MAX || msg.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
            return new CreateResult.Invalid("message");
        }
        if (!wallet.running()) {
            return new CreateResult.Unavailable();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Donation d = new Donation();
        d.id = Tokens.publicId(16);
        d.address = wallet.freshReceiveAddress();
        d.requestedSats = sats;
        d.message = msg;
        d.status = DonationStatus.WAITING;
        d.createdAt = now;
        d.updatedAt = now;
        d.expiresAt = now.plus(config.expiry());
        d.persist();
        return new CreateResult.Created(d);
    }

    @Transactional
    public Optional<Donation> find(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{22,64}")) {
            return Optional.empty();
        }
        return Donation.findByIdOptional(id);
    }

    /**
     * Txids of the donation's payments that were in a block and are in none now (a reorg took the block away), and
     * not confirmed again since: what the donation page tells the donor.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public java.util.List<String> leftChain(Donation d) {
        return Donation.getEntityManager().createNativeQuery("""
                SELECT DISTINCT txid FROM donation_payment
                WHERE donation_id = ?1 AND left_chain_at IS NOT NULL AND status <> 'CONFIRMED' ORDER BY txid""")
                .setParameter(1, d.id).getResultList();
    }

    /** The BIP21 URI donors pay. */
    public String paymentUri(Donation d) {
        return Bip21.uri(d.address, d.requestedSats, config.label());
    }

    public int confirmationsRequired() {
        return config.confirmationsOn(bitcoin.network());
    }

    /** The one place a donation's status changes; refuses moves the transition table does not allow. */
    void transitionTo(Donation d, DonationStatus next) {
        if (d.status == next) {
            return;
        }
        if (!d.status.canMoveTo(next)) {
            throw new IllegalStateException("donation " + d.id + ": " + d.status + " -> " + next + " is not allowed");
        }
        d.status = next;
        d.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Marks waiting donations past their expiry as EXPIRED (their addresses stay watched). */
    @Transactional
    public int expireOld() {
        int n = 0;
        for (Donation d : Donation.<Donation>list("status = ?1 and expiresAt < ?2", DonationStatus.WAITING,
                OffsetDateTime.now(ZoneOffset.UTC))) {
            transitionTo(d, DonationStatus.EXPIRED);
            n++;
        }
        return n;
    }
}
