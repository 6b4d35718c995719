package io.billflow.settlement.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;

import io.billflow.platform.web.ConflictException;
import io.billflow.settlement.domain.ReportStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Moves a report from one stage to the next, only from the stages allowed, with a history event. */
@Component
class ReportStages {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ReportStages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Moves the report; a report in another stage is a conflict (409 naming the stage it is in). */
    public void move(long reportId, ReportStatus to, String actor, String memo, ReportStatus... from) {
        if (!tryMove(reportId, to, actor, memo, from)) {
            String current = jdbc.queryForList("select status from settlement_report where id = ?", String.class, reportId)
                    .stream().findFirst().orElse("unknown");
            throw new ConflictException("status", "the report is " + current + "; expected one of "
                    + Arrays.toString(from));
        }
    }

    /** Moves the report if it is in one of {@code from}; false (nothing written) otherwise, e.g. on a retried step. */
    public boolean tryMove(long reportId, ReportStatus to, String actor, String memo, ReportStatus... from) {
        Timestamp now = Timestamp.from(clock.instant());
        String[] allowed = Arrays.stream(from).map(Enum::name).toArray(String[]::new);
        String before = jdbc.query(con -> {
            var statement = con.prepareStatement("update settlement_report r set status = ?, updated_at = ?, "
                    + "version = r.version + 1 from (select id, status from settlement_report where id = ? "
                    + "and status = any(?) for update) old where r.id = old.id returning old.status");
            statement.setString(1, to.name());
            statement.setTimestamp(2, now);
            statement.setLong(3, reportId);
            statement.setArray(4, con.createArrayOf("varchar", allowed));
            return statement;
        }, rs -> rs.next() ? rs.getString(1) : null);
        if (before == null) {
            return false;
        }
        jdbc.update("insert into settlement_report_history (report_id, occurred_at, actor, from_status, to_status, memo) "
                + "values (?, ?, ?, ?, ?, ?)", reportId, now, actor, before, to.name(), memo);
        return true;
    }
}
