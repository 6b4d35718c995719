package io.billflow.settlement.process;

import static io.billflow.workflow.BpmnIds.Settlement.VAR_REPORT_ID;

import java.util.stream.Collectors;

import io.billflow.settlement.api.SettlementDirectory;
import io.billflow.settlement.application.port.TaskFormFacts;
import io.billflow.workflow.BpmnIds.Settlement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts what the settlement forms show (partner, group, month, the lines and totals, and for payout tasks
 * the amount, date and masked account) on the task as task-local values; the process keeps only ids.
 */
@Component("settlementTaskDataListener")
class SettlementTaskDataListener implements TaskListener {

    private final SettlementDirectory directory;
    private final TaskFormFacts facts;

    SettlementTaskDataListener(SettlementDirectory directory, TaskFormFacts facts) {
        this.directory = directory;
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        long reportId = ((Number) task.getVariable(VAR_REPORT_ID)).longValue();
        SettlementDirectory.ReportSnapshot report = directory.report(reportId).orElseThrow();
        task.setVariableLocal(Settlement.FIELD_PARTNER_NAME, facts.partnerName(report.partnerId()));
        task.setVariableLocal(Settlement.FIELD_GROUP_NAME, directory.group(report.groupId())
                .map(SettlementDirectory.GroupSnapshot::name).orElse(""));
        task.setVariableLocal(Settlement.FIELD_MONTH, report.month().toString());
        task.setVariableLocal(Settlement.FIELD_LINES, report.lines().stream()
                .map(l -> String.format("%s · %s · %,d · %,d · %,d%s", l.media(), l.item(), l.supplyAmount(),
                        l.vat(), l.total(), l.adjustment() ? " (조정)" : ""))
                .collect(Collectors.joining("\n")));
        task.setVariableLocal(Settlement.FIELD_TOTALS, String.format("%,d / %,d / %,d 원", report.supplyTotal(),
                report.vatTotal(), report.totalAmount()));
        task.setVariableLocal(Settlement.FIELD_DEADLINE, String.valueOf(report.deadline()));
        facts.payout(reportId).ifPresent(payout -> {
            task.setVariableLocal(Settlement.FIELD_PAYOUT_AMOUNT, String.format("%,d 원", payout.amount()));
            task.setVariableLocal(Settlement.FIELD_SCHEDULED_DATE, String.valueOf(payout.scheduledDate()));
            task.setVariableLocal(Settlement.FIELD_MASKED_ACCOUNT,
                    payout.maskedAccount() == null ? "(확인 전)" : payout.maskedAccount());
        });
    }
}
