package org.proxyfund.operator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** An operator's payout address with the challenge to sign and, once signed, the proof. */
@Entity
@Table(name = "payout_address")
public class PayoutAddress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(nullable = false)
    public String address;

    @Column(name = "address_type", nullable = false)
    public String addressType;

    @Column(nullable = false)
    public String challenge;

    /** Changed only through {@link PayoutAddressService}, which checks {@link PayoutAddressState#canMoveTo}. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PayoutAddressState state;

    @Column(name = "proof_format")
    public String proofFormat;

    public String signature;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "proven_at")
    public OffsetDateTime provenAt;

    @Column(name = "replaced_at")
    public OffsetDateTime replacedAt;

    public static Optional<PayoutAddress> currentOf(long accountId) {
        return find("accountId = ?1 and state <> ?2", accountId, PayoutAddressState.REPLACED).firstResultOptional();
    }
}
