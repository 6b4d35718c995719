package io.billflow.settlement.process;

import static io.billflow.workflow.BpmnIds.Settlement.*;

import io.billflow.settlement.application.PayoutRefusedException;
import io.billflow.settlement.application.SettlementDuties;
import io.billflow.settlement.application.SettlementFlowService;
import io.billflow.settlement.application.SettlementPayoutService;
import io.billflow.workflow.duty.TaskActors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code settlementProcess}, each one use case of the settlement services. They are
 * idempotent because the services are: a retried job finds the report or payout already moved.
 */
@Configuration(proxyBeanMethods = false)
class SettlementDelegates {

    static long reportId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_REPORT_ID)).longValue();
    }

    static String actor(DelegateExecution execution, String fallback) {
        Object user = execution.getVariable(VAR_REVIEWER);
        return user == null ? fallback : user.toString();
    }

    /** Who decided the task this step carries out (the signed-in user, {@link TaskActors#rememberDecider}). */
    static String decider(DelegateExecution execution) {
        Object user = execution.getVariable(TaskActors.DECIDED_BY);
        return user == null ? "operations" : user.toString();
    }

    @Bean
    JavaDelegate returnReportDelegate(SettlementFlowService flow) {
        return execution -> flow.returnReport(reportId(execution), actor(execution, "settlement-manager"),
                (String) execution.getVariable(VAR_REVIEW_COMMENT));
    }

    @Bean
    JavaDelegate publishReportDelegate(SettlementFlowService flow) {
        return execution -> {
            flow.publish(reportId(execution), actor(execution, "settlement-manager"));
            execution.setVariable(VAR_INDIVIDUAL, flow.individual(reportId(execution)));
            execution.setVariable(VAR_DEADLINE_AT, flow.deadlineAt(reportId(execution)));
        };
    }

    @Bean
    JavaDelegate sendSettlementReminderDelegate(SettlementFlowService flow) {
        return execution -> flow.remind(reportId(execution));
    }

    @Bean
    JavaDelegate extendSettlementDeadlineDelegate(SettlementFlowService flow) {
        return execution -> execution.setVariable(VAR_DEADLINE_AT,
                flow.extendDeadline(reportId(execution), 3, decider(execution)));
    }

    @Bean
    JavaDelegate requestReverseInvoiceDelegate(SettlementFlowService flow) {
        return execution -> execution.setVariable(VAR_INVOICE_ID, flow.requestReverseInvoice(reportId(execution)));
    }

    @Bean
    JavaDelegate cancelSettlementDelegate(SettlementFlowService flow) {
        return execution -> flow.cancel(reportId(execution), "settlementProcess",
                "no payout: the reverse invoice was not issued, or operations cancelled");
    }

    @Bean
    JavaDelegate schedulePayoutDelegate(SettlementPayoutService payouts) {
        return execution -> {
            SettlementPayoutService.PayoutPlan plan = payouts.schedule(reportId(execution));
            execution.setVariable(VAR_PAYOUT_DUE_AT, plan.dueAt());
            execution.setVariable(VAR_REQUIRES_APPROVAL, plan.requiresApproval());
        };
    }

    @Bean
    JavaDelegate recordPayoutApprovalDelegate(SettlementPayoutService payouts, SettlementDuties duties) {
        // the approver as the approval task's listener recorded them (the signed-in user), not a process variable
        return execution -> payouts.approve(reportId(execution), duties.payoutApprover(reportId(execution))
                .orElseThrow(() -> new IllegalStateException("report " + reportId(execution)
                        + ": no recorded payout approval")));
    }

    @Bean
    JavaDelegate verifyAccountHolderDelegate(SettlementPayoutService payouts) {
        return execution -> refusalsToOperations(execution, () -> payouts.verifyHolder(reportId(execution)));
    }

    @Bean
    JavaDelegate transferPayoutDelegate(SettlementPayoutService payouts) {
        return execution -> refusalsToOperations(execution, () -> payouts.transfer(reportId(execution)));
    }

    @Bean
    JavaDelegate retryPayoutDelegate(SettlementPayoutService payouts) {
        return execution -> payouts.retry(reportId(execution), decider(execution));
    }

    @Bean
    JavaDelegate holdPayoutDelegate(SettlementPayoutService payouts) {
        return execution -> payouts.hold(reportId(execution), decider(execution), "held by a decision in Tasklist");
    }

    /** A refusal is not a technical error: it goes to operations as a BPMN error, the job succeeds. */
    private static void refusalsToOperations(DelegateExecution execution, Runnable step) {
        try {
            step.run();
        } catch (PayoutRefusedException e) {
            execution.setVariable(VAR_FAILURE_REASON, e.code() + " " + e.getMessage());
            throw new BpmnError(ERROR_PAYOUT_REFUSED, e.getMessage());
        }
    }
}
