package org.proxyfund.endpoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** One host:port an endpoint has had, with the time it was in use. */
@Entity
@Table(name = "endpoint_address_version")
public class EndpointAddressVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "endpoint_id", nullable = false)
    public long endpointId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public int port;

    @Column(name = "valid_from", nullable = false)
    public OffsetDateTime validFrom;

    @Column(name = "valid_to")
    public OffsetDateTime validTo;

    /** host:port as people write it, with brackets around an IPv6 address. */
    public String address() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    public static List<EndpointAddressVersion> of(long endpointId) {
        return list("endpointId = ?1 order by version", endpointId);
    }
}
