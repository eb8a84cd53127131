package org.proxyfund.donation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** A donation: one fresh address, what was asked and what arrived. No donor IP or other personal data. */
@Entity
@Table(name = "donation")
public class Donation extends PanacheEntityBase {

    /** Unguessable (128 random bits, base64url): the status page's URL. */
    @Id
    public String id;
    public String address;
    @Column(name = "requested_sats")
    public Long requestedSats;
    public String message;
    @Enumerated(EnumType.STRING)
    public DonationStatus status;
    @Column(name = "received_sats")
    public long receivedSats;
    @Column(name = "confirmed_sats")
    public long confirmedSats;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    static List<Donation> byAddresses(List<String> addresses) {
        return addresses.isEmpty() ? List.of() : list("address in ?1", addresses);
    }

    /** Public messages of confirmed donations, newest first. */
    public static List<Donation> recentMessages(int limit) {
        return find("status = ?1 and message is not null order by createdAt desc", DonationStatus.CONFIRMED).page(0, limit).list();
    }
}
