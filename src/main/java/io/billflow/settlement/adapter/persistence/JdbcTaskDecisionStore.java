package io.billflow.settlement.adapter.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.billflow.settlement.application.port.TaskDecisionStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTaskDecisionStore implements TaskDecisionStore {

    private final JdbcTemplate jdbc;

    JdbcTaskDecisionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(long reportId, String task, String decision, String user, String taskId, Instant at) {
        jdbc.update("insert into settlement_task_decision (report_id, task, decision, decided_by, decided_at, task_id) "
                + "values (?, ?, ?, ?, ?, ?)", reportId, task, decision, user, Timestamp.from(at), taskId);
    }

    @Override
    public List<String> reviewersAndPublishers(long reportId) {
        return jdbc.queryForList("""
                select decided_by from settlement_task_decision where report_id = ? and task = 'REVIEW'
                union select reviewed_by from settlement_report where id = ? and reviewed_by is not null
                union select actor from settlement_report_history where report_id = ? and to_status in ('RETURNED', 'PUBLISHED')
                """, String.class, reportId, reportId, reportId);
    }

    @Override
    public Optional<String> lastApprover(long reportId, String task) {
        return jdbc.queryForList("select decided_by from settlement_task_decision where report_id = ? "
                + "and task = ? and decision = 'approve' order by id desc limit 1", String.class, reportId, task)
                .stream().findFirst();
    }
}
