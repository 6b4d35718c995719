package io.billflow.settlement.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Separation of duty in settlement: who reviewed, published and approved a report, read from billflow's own
 * tables. A report's reviewers are everyone who decided a review of any of its revisions, and everyone the
 * report's history names for returning or publishing it; none of them may approve its payout.
 */
@Service
public class SettlementDuties {

    public static final String REVIEW = "REVIEW";
    public static final String PAYOUT_APPROVAL = "PAYOUT_APPROVAL";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SettlementDuties(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a decision in the engine's transaction: refused with it, kept with it. */
    @Transactional
    public void record(long reportId, String task, String decision, String user, String taskId) {
        jdbc.update("insert into settlement_task_decision (report_id, task, decision, decided_by, decided_at, task_id) "
                + "values (?, ?, ?, ?, ?, ?)", reportId, task, decision, user, Timestamp.from(clock.instant()), taskId);
    }

    /** Everyone who reviewed (returned or approved) any revision of the report, or published it. */
    public List<String> reviewersAndPublishers(long reportId) {
        return jdbc.queryForList("""
                select decided_by from settlement_task_decision where report_id = ? and task = 'REVIEW'
                union select reviewed_by from settlement_report where id = ? and reviewed_by is not null
                union select actor from settlement_report_history where report_id = ? and to_status in ('RETURNED', 'PUBLISHED')
                """, String.class, reportId, reportId, reportId);
    }

    public boolean reviewedOrPublished(long reportId, String user) {
        return reviewersAndPublishers(reportId).contains(user);
    }

    /** The user whose payout approval was recorded last, if any. */
    public Optional<String> payoutApprover(long reportId) {
        return jdbc.queryForList("select decided_by from settlement_task_decision where report_id = ? "
                + "and task = 'PAYOUT_APPROVAL' and decision = 'approve' order by id desc limit 1", String.class, reportId)
                .stream().findFirst();
    }
}
