package io.billflow.certificate.adapter.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.billflow.certificate.application.port.PasswordFailureStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link PasswordFailureStore} on {@code certificate_password_failures}, one row per partner. */
@Repository
class JdbcPasswordFailureStore implements PasswordFailureStore {

    private final JdbcTemplate jdbc;

    JdbcPasswordFailureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement, so that two wrong passwords at once both count. */
    @Override
    public int countFailure(long partnerId, Instant at) {
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
                returning failures""", Integer.class, partnerId, Timestamp.from(at));
        return failures == null ? 0 : failures;
    }

    @Override
    public void lockUntil(long partnerId, Instant until) {
        jdbc.update("update certificate_password_failures set locked_until = ? where partner_id = ?",
                Timestamp.from(until), partnerId);
    }

    @Override
    public Optional<Instant> lockedUntil(long partnerId, Instant now) {
        List<Timestamp> until = jdbc.queryForList("select locked_until from certificate_password_failures "
                + "where partner_id = ? and locked_until > ?", Timestamp.class, partnerId, Timestamp.from(now));
        return until.stream().findFirst().map(Timestamp::toInstant);
    }

    @Override
    public void clear(long partnerId) {
        jdbc.update("delete from certificate_password_failures where partner_id = ?", partnerId);
    }
}
