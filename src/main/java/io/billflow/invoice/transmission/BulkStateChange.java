package io.billflow.invoice.transmission;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.application.InvoiceHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nightly batch's state changes, a chunk per statement: the same rule as {@code TaxInvoice}'s
 * transitions (only from the allowed states, optimistic-lock version bumped, one history event each),
 * without loading and saving hundreds of aggregates one by one. Must run inside the caller's transaction.
 */
@Component
class BulkStateChange {

    private final JdbcTemplate jdbc;
    private final InvoiceHistory history;

    BulkStateChange(JdbcTemplate jdbc, InvoiceHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Moves those of {@code ids} that are in one of {@code from} to {@code to}; returns the ids moved. */
    List<Long> move(List<Long> ids, InvoiceState to, Instant at, String actor, String memo, InvoiceState... from) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(at);
        Integer[] allowed = Arrays.stream(from).map(InvoiceState::code).toArray(Integer[]::new);
        List<long[]> moved = jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    update tax_invoice t set state_code = ?, state_at = ?, updated_at = ?, version = t.version + 1
                    from (select id, state_code from tax_invoice where id = any(?) and state_code = any(?)
                          and deleted_at is null for update) before
                    where t.id = before.id
                    returning t.id, before.state_code""");
            statement.setInt(1, to.code());
            statement.setTimestamp(2, now);
            statement.setTimestamp(3, now);
            statement.setArray(4, con.createArrayOf("bigint", ids.toArray()));
            statement.setArray(5, con.createArrayOf("integer", allowed));
            return statement;
        }, (rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)});
        history.recordAll(moved, at, actor, to, memo);
        return moved.stream().map(row -> row[0]).toList();
    }
}
