package io.billflow.settlement.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.billflow.settlement.application.port.MobileChangeStore;
import io.billflow.settlement.domain.HeldMobileChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMobileChangeStore implements MobileChangeStore {

    private static final String COLUMNS = "id, group_id, mobile, requested_by, requested_at, effective_at";

    private final JdbcTemplate jdbc;

    JdbcMobileChangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HeldMobileChange> held(long groupId) {
        return jdbc.query("select " + COLUMNS + " from settlement_verification_mobile_change where group_id = ? "
                + "and state = 'HELD'", JdbcMobileChangeStore::map, groupId).stream().findFirst();
    }

    @Override
    public Optional<HeldMobileChange> heldForUpdate(long groupId) {
        return jdbc.query("select " + COLUMNS + " from settlement_verification_mobile_change where group_id = ? "
                + "and state = 'HELD' for update", JdbcMobileChangeStore::map, groupId).stream().findFirst();
    }

    @Override
    public HeldMobileChange hold(long groupId, String mobile, String requestedBy, Instant requestedAt,
                                 Instant effectiveAt) {
        Long id = jdbc.queryForObject("insert into settlement_verification_mobile_change (group_id, mobile, "
                        + "requested_by, requested_at, effective_at, state) values (?, ?, ?, ?, ?, 'HELD') returning id",
                Long.class, groupId, mobile, requestedBy, Timestamp.from(requestedAt), Timestamp.from(effectiveAt));
        return new HeldMobileChange(id, groupId, mobile, requestedBy, requestedAt, effectiveAt);
    }

    @Override
    public void end(long changeId, String state, String endedBy, Instant endedAt) {
        jdbc.update("update settlement_verification_mobile_change set state = ?, ended_by = ?, ended_at = ? "
                + "where id = ? and state = 'HELD'", state, endedBy, Timestamp.from(endedAt), changeId);
    }

    @Override
    public List<HeldMobileChange> dueForUpdate(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + " from settlement_verification_mobile_change where state = 'HELD' "
                + "and effective_at <= ? order by effective_at limit ? for update skip locked",
                JdbcMobileChangeStore::map, Timestamp.from(now), limit);
    }

    private static HeldMobileChange map(ResultSet rs, int row) throws SQLException {
        return new HeldMobileChange(rs.getLong("id"), rs.getLong("group_id"), rs.getString("mobile"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("effective_at").toInstant());
    }
}
