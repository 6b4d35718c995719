package io.billflow.certificate.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five wrong certificate passwords in a row lock registration for that partner for 30 minutes, so an
 * exposed upload form cannot be used to guess a supplier's password. A success clears the count.
 */
@Component
public class PasswordLockout {

    public static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final io.billflow.platform.audit.AuditLog audit;

    public PasswordLockout(JdbcTemplate jdbc, Clock clock, io.billflow.platform.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Counts a wrong password and audits it ({@code CERTIFICATE_WRONG_PASSWORD}), both in their own transaction: the
     * refused registration or signature rolls back, the record of the attempt must not.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int recordFailure(long partnerId, String actor, String where) {
        int failures = recordFailure(partnerId);
        audit.save(io.billflow.platform.audit.AuditEntry.of(clock.instant(), actor, "CERTIFICATE_WRONG_PASSWORD",
                "partner", String.valueOf(partnerId), where + ", failure " + failures + " of " + MAX_FAILURES));
        return failures;
    }

    /** When the partner is locked: until when. */
    public Instant lockedUntil(long partnerId) {
        List<Timestamp> until = jdbc.queryForList("select locked_until from certificate_password_failures "
                + "where partner_id = ? and locked_until > ?", Timestamp.class, partnerId, Timestamp.from(clock.instant()));
        return until.isEmpty() ? null : until.get(0).toInstant();
    }

    /** Counts a wrong password, in its own transaction (the failed registration itself rolls back). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int recordFailure(long partnerId) {
        Timestamp now = Timestamp.from(clock.instant());
        Integer failures = jdbc.queryForObject("""
                insert into certificate_password_failures (partner_id, failures, last_failure_at)
                values (?, 1, ?)
                on conflict (partner_id) do update set
                    failures = case when certificate_password_failures.locked_until is not null
                                     and certificate_password_failures.locked_until <= excluded.last_failure_at
                                    then 1 else certificate_password_failures.failures + 1 end,
                    locked_until = case when certificate_password_failures.locked_until is not null
                                         and certificate_password_failures.locked_until <= excluded.last_failure_at
                                        then null else certificate_password_failures.locked_until end,
                    last_failure_at = excluded.last_failure_at
                returning failures""", Integer.class, partnerId, now);
        if (failures != null && failures >= MAX_FAILURES) {
            jdbc.update("update certificate_password_failures set locked_until = ? where partner_id = ?",
                    Timestamp.from(clock.instant().plus(LOCK)), partnerId);
        }
        return failures == null ? 0 : failures;
    }

    public void clear(long partnerId) {
        jdbc.update("delete from certificate_password_failures where partner_id = ?", partnerId);
    }
}
