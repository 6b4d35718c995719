package io.billflow.settlement.process;

import static io.billflow.workflow.BpmnIds.Settlement.*;

import java.util.Map;

import io.billflow.settlement.application.SettlementProcessPort;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts {@code settlementProcess} (business key = report id) and moves it on when the partner acts. */
@Component
class CamundaSettlementProcess implements SettlementProcessPort {

    private final RuntimeService runtimeService;
    private final String reminderInterval;

    public CamundaSettlementProcess(RuntimeService runtimeService,
                                    @Value("${billflow.invoice.reminder-interval:P2D}") String reminderInterval) {
        this.runtimeService = runtimeService;
        this.reminderInterval = reminderInterval;
    }

    @Override
    public void submitted(long reportId) {
        runtimeService.startProcessInstanceByKey(PROCESS_ID, String.valueOf(reportId), Map.of(VAR_REPORT_ID, reportId,
                VAR_REMINDER_INTERVAL, reminderInterval, VAR_REMINDER_CYCLE, "R/" + reminderInterval));
    }

    @Override
    public void resubmitted(long reportId) {
        runtimeService.createMessageCorrelation(MESSAGE_RESUBMITTED).processInstanceBusinessKey(String.valueOf(reportId))
                .correlateWithResult();
    }

    @Override
    public void partnerConfirmed(long reportId) {
        runtimeService.createMessageCorrelation(MESSAGE_PARTNER_CONFIRMED)
                .processInstanceBusinessKey(String.valueOf(reportId)).correlateWithResult();
    }
}
