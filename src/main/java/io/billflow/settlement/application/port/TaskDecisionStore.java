package io.billflow.settlement.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The decisions people made on settlement tasks (table {@code settlement_task_decision}), and who the report's own
 * records name for its review and publication.
 */
public interface TaskDecisionStore {

    void record(long reportId, String task, String decision, String user, String taskId, Instant at);

    /** Everyone who decided a review of any revision of the report, reviewed it, or returned or published it. */
    List<String> reviewersAndPublishers(long reportId);

    /** The user whose approval of this task's kind was recorded last, if any. */
    Optional<String> lastApprover(long reportId, String task);
}
