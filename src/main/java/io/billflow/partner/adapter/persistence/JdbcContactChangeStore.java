package io.billflow.partner.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.billflow.partner.application.port.ContactChangeStore;
import io.billflow.partner.domain.ContactChannels;
import io.billflow.partner.domain.HeldContactChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContactChangeStore implements ContactChangeStore {

    private static final String COLUMNS = "id, partner_id, contact_email, contact_mobile, extra_emails, requested_by, "
            + "requested_at, effective_at";

    private final JdbcTemplate jdbc;

    JdbcContactChangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HeldContactChange> held(long partnerId) {
        return jdbc.query("select " + COLUMNS + " from partner_contact_change where partner_id = ? and state = 'HELD'",
                JdbcContactChangeStore::map, partnerId).stream().findFirst();
    }

    @Override
    public Optional<HeldContactChange> heldForUpdate(long partnerId) {
        return jdbc.query("select " + COLUMNS + " from partner_contact_change where partner_id = ? and state = 'HELD' "
                + "for update", JdbcContactChangeStore::map, partnerId).stream().findFirst();
    }

    @Override
    public HeldContactChange hold(long partnerId, ContactChannels channels, String requestedBy, Instant requestedAt,
                                  Instant effectiveAt) {
        // extra addresses never contain a newline (plain-text policy at the parser), so one per line is unambiguous
        Long id = jdbc.queryForObject("insert into partner_contact_change (partner_id, contact_email, contact_mobile, "
                        + "extra_emails, requested_by, requested_at, effective_at, state) values (?, ?, ?, ?, ?, ?, ?, 'HELD') "
                        + "returning id", Long.class, partnerId, channels.email(), channels.mobile(),
                String.join("\n", channels.extraEmails()), requestedBy, Timestamp.from(requestedAt),
                Timestamp.from(effectiveAt));
        return new HeldContactChange(id, partnerId, channels, requestedBy, requestedAt, effectiveAt);
    }

    @Override
    public void end(long changeId, String state, String endedBy, Instant endedAt) {
        jdbc.update("update partner_contact_change set state = ?, ended_by = ?, ended_at = ? where id = ? "
                + "and state = 'HELD'", state, endedBy, Timestamp.from(endedAt), changeId);
    }

    @Override
    public List<HeldContactChange> dueForUpdate(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + " from partner_contact_change where state = 'HELD' and effective_at <= ? "
                + "order by effective_at limit ? for update skip locked", JdbcContactChangeStore::map,
                Timestamp.from(now), limit);
    }

    private static HeldContactChange map(ResultSet rs, int row) throws SQLException {
        String extra = rs.getString("extra_emails");
        List<String> extraEmails = extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\n"));
        return new HeldContactChange(rs.getLong("id"), rs.getLong("partner_id"),
                new ContactChannels(rs.getString("contact_email"), rs.getString("contact_mobile"), extraEmails),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("effective_at").toInstant());
    }
}
