package io.billflow.platform.onetimecode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The codes ({@code one_time_code}): one row per code sent, kept after use as its record. */
@Repository
class JdbcOneTimeCodeStore {

    /** First key of the advisory locks that serialise the steps of one challenge ("c0de"). */
    private static final int LOCK_SPACE = 0x0c0de;

    private final JdbcTemplate jdbc;

    JdbcOneTimeCodeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises issue and check of one challenge until the transaction ends, so two requests in parallel cannot
     * both spend its last try, and a code and its supersession cannot cross. A lock, not a row: the first code of
     * a challenge has no row to lock yet.
     */
    void lockChallenge(String purpose, String challenge) {
        jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, purpose + "|" + challenge);
    }

    Optional<StoredCode> newest(String purpose, String challenge) {
        return jdbc.query("select * from one_time_code where purpose = ? and challenge = ? "
                        + "order by requested_at desc, id limit 1", JdbcOneTimeCodeStore::code, purpose, challenge)
                .stream().findFirst();
    }

    Optional<StoredCode> find(UUID id) {
        return jdbc.query("select * from one_time_code where id = ?", JdbcOneTimeCodeStore::code, id).stream().findFirst();
    }

    /** Wrong tries of every code of the challenge, whichever code they were typed for. */
    int failedTriesOfChallenge(String purpose, String challenge) {
        Integer failed = jdbc.queryForObject("select coalesce(sum(failed_attempts), 0) from one_time_code "
                + "where purpose = ? and challenge = ?", Integer.class, purpose, challenge);
        return failed == null ? 0 : failed;
    }

    int issuedSince(String purpose, String scope, Instant since) {
        Integer issued = jdbc.queryForObject("select count(*) from one_time_code where purpose = ? and scope = ? "
                + "and requested_at > ?", Integer.class, purpose, scope, Timestamp.from(since));
        return issued == null ? 0 : issued;
    }

    void insert(StoredCode c, String requestedBy, CodeTarget target) {
        jdbc.update("""
                insert into one_time_code (id, purpose, challenge, scope, holder, code_hash, code_key_id, sent_to,
                    status, failed_attempts, requested_at, requested_by, expires_at, subject_type, subject_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)""", c.id(), c.purpose(), c.challenge(),
                target.scope(), target.holder(), c.codeHash(), c.codeKeyId(), c.sentTo(), Timestamp.from(c.requestedAt()),
                requestedBy, Timestamp.from(c.expiresAt()), target.subjectType(), target.subjectId());
    }

    int supersedeOpen(String purpose, String challenge, Instant at, String actor) {
        return jdbc.update("update one_time_code set status = 'SUPERSEDED', decided_at = ?, decided_by = ? "
                + "where purpose = ? and challenge = ? and status = 'PENDING'", Timestamp.from(at), actor, purpose,
                challenge);
    }

    int supersedeHeldBy(String holder, Instant at, String actor) {
        return jdbc.update("update one_time_code set status = 'SUPERSEDED', decided_at = ?, decided_by = ? "
                + "where holder = ? and status = 'PENDING'", Timestamp.from(at), actor, holder);
    }

    /** Counts a wrong try; {@code lock} closes the code as void at the same time. */
    void countWrongTry(UUID id, boolean lock, Instant at, String actor) {
        jdbc.update("update one_time_code set failed_attempts = failed_attempts + 1, status = ?, decided_at = ?, "
                        + "decided_by = ? where id = ?", lock ? "VOID" : "PENDING", lock ? Timestamp.from(at) : null,
                lock ? actor : null, id);
    }

    void close(UUID id, CodeStatus status, Instant at, String actor) {
        jdbc.update("update one_time_code set status = ?, decided_at = ?, decided_by = ? where id = ?", status.name(),
                Timestamp.from(at), actor, id);
    }

    private static StoredCode code(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new StoredCode(rs.getObject("id", UUID.class), rs.getString("purpose"), rs.getString("challenge"),
                rs.getBytes("code_hash"), rs.getString("code_key_id"), rs.getString("sent_to"),
                CodeStatus.valueOf(rs.getString("status")), rs.getInt("failed_attempts"),
                rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decided_by"), rs.getString("subject_type"),
                rs.getString("subject_id"));
    }

    record StoredCode(UUID id, String purpose, String challenge, byte[] codeHash, String codeKeyId, String sentTo,
                      CodeStatus status, int failedTries, Instant requestedAt, Instant expiresAt, Instant decidedAt,
                      String decidedBy, String subjectType, String subjectId) {

        boolean pending() {
            return status == CodeStatus.PENDING;
        }

        /** Past its time, whether or not it was marked so. */
        boolean expiredAt(Instant now) {
            return status == CodeStatus.EXPIRED || (pending() && !now.isBefore(expiresAt));
        }
    }
}
