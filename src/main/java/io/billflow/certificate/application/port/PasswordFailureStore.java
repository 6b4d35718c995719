package io.billflow.certificate.application.port;

import java.time.Instant;
import java.util.Optional;

/** The count of a partner's wrong certificate passwords in a row, and the lock it leads to (PasswordLockout). */
public interface PasswordFailureStore {

    /**
     * Counts one more wrong password at {@code at} and returns the count; a lock that has ended starts the count
     * again at one.
     */
    int countFailure(long partnerId, Instant at);

    void lockUntil(long partnerId, Instant until);

    /** The end of the partner's lock, if one lasts beyond {@code now}. */
    Optional<Instant> lockedUntil(long partnerId, Instant now);

    void clear(long partnerId);
}
