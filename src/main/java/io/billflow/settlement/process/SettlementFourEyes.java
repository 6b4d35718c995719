package io.billflow.settlement.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Four eyes on large payouts: whoever approved the report cannot also approve its payout. Task listeners
 * ({@code ${settlementFourEyes.…(task)}}) remember the reviewer and refuse the same person's approval.
 */
@Component("settlementFourEyes")
public class SettlementFourEyes {

    public void rememberReviewer(DelegateTask task) {
        task.getExecution().setVariable("reviewer", task.getAssignee());
    }

    public void approvePayout(DelegateTask task) {
        Object reviewer = task.getExecution().getVariable("reviewer");
        String approver = task.getAssignee();
        if (approver != null && approver.equals(reviewer) && "approve".equals(task.getVariable("payoutDecision"))) {
            throw new ProcessEngineException("Four eyes: " + approver + " approved this report and cannot also approve "
                    + "its payout; another settlement manager must do it.");
        }
        task.getExecution().setVariable("payoutApprover", approver);
    }
}
