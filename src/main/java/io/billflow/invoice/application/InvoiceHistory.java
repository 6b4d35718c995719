package io.billflow.invoice.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.billflow.invoice.api.InvoiceState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The append-only history of an invoice: every state change and every draft edit. */
@Component
public class InvoiceHistory {

    /** One event. {@code fromState} is null for the first one. */
    public record Event(Instant occurredAt, String actor, Integer fromState, int toState, String toStateName,
                        String memo) {
    }

    private final JdbcTemplate jdbc;

    public InvoiceHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long invoiceId, Instant at, String actor, InvoiceState from, InvoiceState to, String memo) {
        jdbc.update("insert into tax_invoice_history (invoice_id, occurred_at, actor, from_state, to_state, memo) "
                        + "values (?, ?, ?, ?, ?, ?)",
                invoiceId, Timestamp.from(at), actor, from == null ? null : from.code(), to.code(), memo);
    }

    /** One event each for many invoices moved together from their own states to {@code to} (a batch insert). */
    public void recordAll(List<long[]> invoiceIdAndFromState, Instant at, String actor, InvoiceState to, String memo) {
        Timestamp when = Timestamp.from(at);
        jdbc.batchUpdate("insert into tax_invoice_history (invoice_id, occurred_at, actor, from_state, to_state, memo) "
                        + "values (?, ?, ?, ?, ?, ?)",
                invoiceIdAndFromState.stream().map(row -> new Object[] {row[0], when, actor, (int) row[1], to.code(), memo})
                        .toList());
    }

    public List<Event> of(long invoiceId) {
        return jdbc.query("select occurred_at, actor, from_state, to_state, memo from tax_invoice_history "
                        + "where invoice_id = ? order by occurred_at, id",
                (rs, i) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        (Integer) rs.getObject(3), rs.getInt(4), InvoiceState.of(rs.getInt(4)).koreanName(),
                        rs.getString(5)), invoiceId);
    }
}
