package io.billflow.certificate.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.billflow.certificate.application.port.PasswordFailureStore;
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

    private final PasswordFailureStore failures;
    private final Clock clock;
    private final io.billflow.platform.audit.AuditLog audit;

    public PasswordLockout(PasswordFailureStore failures, Clock clock, io.billflow.platform.audit.AuditLog audit) {
        this.failures = failures;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Counts a wrong password and audits it ({@code CERTIFICATE_WRONG_PASSWORD}), both in their own transaction: the
     * refused registration or signature rolls back, the record of the attempt must not.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int recordFailure(long partnerId, String actor, String where) {
        int count = recordFailure(partnerId);
        audit.save(io.billflow.platform.audit.AuditEntry.of(clock.instant(), actor, "CERTIFICATE_WRONG_PASSWORD",
                "partner", String.valueOf(partnerId), where + ", failure " + count + " of " + MAX_FAILURES));
        return count;
    }

    /** When the partner is locked: until when. */
    public Instant lockedUntil(long partnerId) {
        return failures.lockedUntil(partnerId, clock.instant()).orElse(null);
    }

    /** Counts a wrong password, in its own transaction (the failed registration itself rolls back). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int recordFailure(long partnerId) {
        Instant now = clock.instant();
        int count = failures.countFailure(partnerId, now);
        if (count >= MAX_FAILURES) {
            failures.lockUntil(partnerId, now.plus(LOCK));
        }
        return count;
    }

    public void clear(long partnerId) {
        failures.clear(partnerId);
    }
}
