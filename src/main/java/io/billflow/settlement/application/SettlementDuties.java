package io.billflow.settlement.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.billflow.settlement.application.port.TaskDecisionStore;
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

    private final TaskDecisionStore decisions;
    private final Clock clock;

    public SettlementDuties(TaskDecisionStore decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Records a decision in the engine's transaction: refused with it, kept with it. */
    @Transactional
    public void record(long reportId, String task, String decision, String user, String taskId) {
        decisions.record(reportId, task, decision, user, taskId, clock.instant());
    }

    /** Everyone who reviewed (returned or approved) any revision of the report, or published it. */
    public List<String> reviewersAndPublishers(long reportId) {
        return decisions.reviewersAndPublishers(reportId);
    }

    public boolean reviewedOrPublished(long reportId, String user) {
        return reviewersAndPublishers(reportId).contains(user);
    }

    /** The user whose payout approval was recorded last, if any. */
    public Optional<String> payoutApprover(long reportId) {
        return decisions.lastApprover(reportId, PAYOUT_APPROVAL);
    }
}
