package io.billflow.settlement.process;

import static io.billflow.workflow.BpmnIds.Settlement.VAR_PAYOUT_APPROVER;
import static io.billflow.workflow.BpmnIds.Settlement.VAR_PAYOUT_DECISION;
import static io.billflow.workflow.BpmnIds.Settlement.VAR_REVIEW_DECISION;
import static io.billflow.workflow.BpmnIds.Settlement.VAR_REVIEWER;

import io.billflow.settlement.application.SettlementDuties;
import io.billflow.workflow.duty.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Four eyes on large payouts, held against the user signed in to the engine, whatever the path (Tasklist,
 * {@code /engine-rest}, billflow's {@code /api}): the task's assignee proves nothing, since whoever may work the task
 * can set it. Task listeners ({@code ${settlementFourEyes.…(task)}} on complete) record who decided each review and
 * approval in {@code settlement_task_decision}; nobody signed in is refused, and so is a reviewer or publisher of
 * the report approving its payout. Refusals are 403 problems and audited ({@link TaskActors}).
 */
@Component("settlementFourEyes")
public class SettlementFourEyes {

    public static final String RULE = "FOUR_EYES";
    private static final String SUBJECT = "settlement_report";

    private final TaskActors actors;
    private final SettlementDuties duties;

    public SettlementFourEyes(TaskActors actors, SettlementDuties duties) {
        this.actors = actors;
        this.duties = duties;
    }

    /** The review of a report: who decided is the reviewer (and, on approval, the publisher). */
    public void rememberReviewer(DelegateTask task) {
        long reportId = SettlementDelegates.reportId(task.getExecution());
        String reviewer = actors.completingUser(task, SUBJECT, String.valueOf(reportId));
        // the gateway's default is approval: anything but "return" publishes
        String decision = "return".equals(task.getVariable(VAR_REVIEW_DECISION)) ? "return" : "approve";
        duties.record(reportId, SettlementDuties.REVIEW, decision, reviewer, task.getId());
        task.getExecution().setVariable(VAR_REVIEWER, reviewer);
    }

    /** The payout approval: the signed-in user, who must not have reviewed or published the report. */
    public void approvePayout(DelegateTask task) {
        long reportId = SettlementDelegates.reportId(task.getExecution());
        String approver = actors.completingUser(task, SUBJECT, String.valueOf(reportId));
        // the gateway's default is approval: anything but "hold" pays
        String decision = "hold".equals(task.getVariable(VAR_PAYOUT_DECISION)) ? "hold" : "approve";
        if ("approve".equals(decision) && duties.reviewedOrPublished(reportId, approver)) {
            throw actors.refuse(task, RULE, approver, SUBJECT, String.valueOf(reportId), "Four eyes: " + approver
                    + " reviewed or published this report and cannot also approve its payout; another settlement "
                    + "manager must do it.");
        }
        duties.record(reportId, SettlementDuties.PAYOUT_APPROVAL, decision, approver, task.getId());
        task.getExecution().setVariable(VAR_PAYOUT_APPROVER, approver);
        task.getExecution().setVariable(TaskActors.DECIDED_BY, approver); // a hold is recorded as theirs
    }
}
