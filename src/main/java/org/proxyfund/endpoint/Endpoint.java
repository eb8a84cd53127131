package org.proxyfund.endpoint;

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
import java.util.List;
import java.util.Optional;

/** A registered proxy or VPN; its issued credential is stored only encrypted. */
@Entity
@Table(name = "endpoint")
public class Endpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EndpointType type;

    public String label;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public int port;

    @Column(nullable = false)
    public String region;

    @Column(name = "protocol_fields", nullable = false)
    public String protocolFields;

    @Column(name = "credential_enc", nullable = false)
    public String credentialEnc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EndpointState state;

    @Column(name = "address_version", nullable = false)
    public int addressVersion;

    public String subnet;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** host:port as people write it, with brackets around an IPv6 address. */
    public String address() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    public static List<Endpoint> ofAccount(long accountId) {
        return list("accountId = ?1 order by createdAt", accountId);
    }

    /** The endpoint only if it belongs to this account: how every operator-facing lookup is done. */
    public static Optional<Endpoint> owned(long id, long accountId) {
        return find("id = ?1 and accountId = ?2", id, accountId).firstResultOptional();
    }

    public static List<Endpoint> inState(EndpointState state) {
        return list("state = ?1 order by createdAt", state);
    }

    public static boolean hostPortTaken(String host, int port, Long exceptId) {
        return count("lower(host) = lower(?1) and port = ?2 and id <> ?3", host, port, exceptId == null ? -1L : exceptId) > 0;
    }
}
