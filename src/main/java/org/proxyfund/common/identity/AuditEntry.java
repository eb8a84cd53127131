package org.proxyfund.common.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.panache.common.Parameters;
import org.proxyfund.common.paging.Keyset;
import org.proxyfund.common.paging.Page;

import java.time.OffsetDateTime;
import java.util.List;

/** One line of the audit log: who did what to which account or endpoint, when and why. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "actor_handle", nullable = false)
    public String actorHandle;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public long subjectId;

    @Column(nullable = false)
    public String action;

    public String detail;


    /** One page of the whole log, newest first. */
    public static Page<AuditEntry> page(Keyset k) {
        return k.page(find(k.query(""), k.parameters(new Parameters())).page(0, k.fetch()).list(), e -> e.id);
    }

    public static List<AuditEntry> forSubject(String type, long id) {
        return list("subjectType = ?1 and subjectId = ?2 order by at, id", type, id);
    }
}
