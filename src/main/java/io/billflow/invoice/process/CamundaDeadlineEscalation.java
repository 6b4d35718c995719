package io.billflow.invoice.process;

import java.util.HashMap;
import java.util.Map;

import io.billflow.invoice.application.DeadlineEscalation;
import io.billflow.workflow.BpmnIds;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts {@code invoiceDeadlineEscalationProcess} (business key = invoice id) unless one already exists. */
@Component
class CamundaDeadlineEscalation implements DeadlineEscalation {

    private final RuntimeService runtimeService;

    public CamundaDeadlineEscalation(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public boolean open(long invoiceId, Map<String, Object> taskData) {
        String key = String.valueOf(invoiceId);
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(BpmnIds.DeadlineEscalation.PROCESS_ID)
                .processInstanceBusinessKey(key).count() > 0) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>(taskData);
        variables.put(BpmnIds.ReverseInvoice.VAR_INVOICE_ID, invoiceId);
        runtimeService.startProcessInstanceByKey(BpmnIds.DeadlineEscalation.PROCESS_ID, key, variables);
        return true;
    }
}
