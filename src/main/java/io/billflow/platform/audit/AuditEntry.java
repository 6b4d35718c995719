package io.billflow.platform.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One append-only audit record. Never holds passwords, keys or one-time codes. */
@Table("audit_log")
public record AuditEntry(@Id Long id, Instant occurredAt, String actor, String action, String subjectType,
                         String subjectId, String detail) {

    public static AuditEntry of(Instant at, String actor, String action, String subjectType, String subjectId,
                                String detail) {
        return new AuditEntry(null, at, actor, action, subjectType, subjectId, detail);
    }
}
