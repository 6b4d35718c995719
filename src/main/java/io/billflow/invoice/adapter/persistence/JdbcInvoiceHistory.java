package io.billflow.invoice.adapter.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.application.InvoiceHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link InvoiceHistory} in {@code tax_invoice_history}. */
@Component
class JdbcInvoiceHistory implements InvoiceHistory {

    private final JdbcTemplate jdbc;

    JdbcInvoiceHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(long invoiceId, Instant at, String actor, InvoiceState from, InvoiceState to, String memo) {
        jdbc.update("insert into tax_invoice_history (invoice_id, occurred_at, actor, from_state, to_state, memo) "
                        + "values (?, ?, ?, ?, ?, ?)",
                invoiceId, Timestamp.from(at), actor, from == null ? null : from.code(), to.code(), memo);
    }

    @Override
    public void recordAll(List<long[]> invoiceIdAndFromState, Instant at, String actor, InvoiceState to, String memo) {
        Timestamp when = Timestamp.from(at);
        jdbc.batchUpdate("insert into tax_invoice_history (invoice_id, occurred_at, actor, from_state, to_state, memo) "
                        + "values (?, ?, ?, ?, ?, ?)",
                invoiceIdAndFromState.stream().map(row -> new Object[] {row[0], when, actor, (int) row[1], to.code(), memo})
                        .toList());
    }

    @Override
    public List<Event> of(long invoiceId) {
        return jdbc.query("select occurred_at, actor, from_state, to_state, memo from tax_invoice_history "
                        + "where invoice_id = ? order by occurred_at, id",
                (rs, i) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        (Integer) rs.getObject(3), rs.getInt(4), InvoiceState.of(rs.getInt(4)).koreanName(),
                        rs.getString(5)), invoiceId);
    }
}
