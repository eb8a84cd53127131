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

import io.quarkus.panache.common.Parameters;
import org.proxyfund.common.paging.Keyset;
import org.proxyfund.common.paging.Page;

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

    /** When the operator retired it; null while it is live. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    /** host:port as people write it, with brackets around an IPv6 address. */
    public String address() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** The account's live endpoints (at most the per-operator limit), oldest first; retired ones are not among them. */
    public static List<Endpoint> ofAccount(long accountId) {
        return list("accountId = ?1 and state <> ?2 order by createdAt", accountId, EndpointState.RETIRED);
    }

    /** Endpoints that count against the per-operator limit: all but the retired. */
    public static long liveCount(long accountId) {
        return count("accountId = ?1 and state <> ?2", accountId, EndpointState.RETIRED);
    }

    /** The endpoint only if it belongs to this account: how every operator-facing lookup is done. */
    public static Optional<Endpoint> owned(long id, long accountId) {
        return find("id = ?1 and accountId = ?2", id, accountId).firstResultOptional();
    }

    /** One page of endpoints, newest first: of one account or (null) of all, in one state or (null) in any. */
    public static Page<Endpoint> page(Long accountId, EndpointState state, Keyset k) {
        Parameters p = new Parameters();
        List<String> filter = new java.util.ArrayList<>();
        if (accountId != null) {
            filter.add("accountId = :account");
            p = p.and("account", accountId);
        }
        if (state != null) {
            filter.add("state = :state");
            p = p.and("state", state);
        }
        return k.page(find(k.query(String.join(" and ", filter)), k.parameters(p)).page(0, k.fetch()).list(), e -> e.id);
    }

    /** The account's most recently retired endpoints, newest first. */
    public static List<Endpoint> recentlyRetired(long accountId, int limit) {
        return find("accountId = ?1 and state = ?2 order by retiredAt desc, id desc", accountId, EndpointState.RETIRED)
                .page(0, limit).list();
    }

    /** Whether a live endpoint (other than {@code exceptId}) holds host:port; a retired one gives its address up. */
    public static boolean hostPortTaken(String host, int port, Long exceptId) {
        return count("lower(host) = lower(?1) and port = ?2 and id <> ?3 and state <> ?4", host, port,
                exceptId == null ? -1L : exceptId, EndpointState.RETIRED) > 0;
    }
}
