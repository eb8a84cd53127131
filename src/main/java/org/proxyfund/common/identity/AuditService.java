package org.proxyfund.common.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes the audit log; every state change of an account or endpoint goes through here. */
@ApplicationScoped
public class AuditService {

    /** The actor for changes the service makes on its own (bootstrap, expiry). */
    public static final String SYSTEM = "system";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long actorId, String actorHandle, String subjectType, long subjectId, String action, String detail) {
        AuditEntry e = new AuditEntry();
        e.at = OffsetDateTime.now(ZoneOffset.UTC);
        e.actorId = actorId;
        e.actorHandle = actorHandle;
        e.subjectType = subjectType;
        e.subjectId = subjectId;
        e.action = action;
        e.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        e.persist();
    }
}
