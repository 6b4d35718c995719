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
    public boolean open(long invoiceId, TaskData taskData) {
        String key = String.valueOf(invoiceId);
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(BpmnIds.DeadlineEscalation.PROCESS_ID)
                .processInstanceBusinessKey(key).count() > 0) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(BpmnIds.DeadlineEscalation.VAR_INVOICE_ID, invoiceId);
        variables.put(BpmnIds.DeadlineEscalation.FIELD_MGT_KEY, taskData.invoiceeMgtKey());
        variables.put(BpmnIds.DeadlineEscalation.FIELD_SUPPLIER_NAME, taskData.supplierName());
        variables.put(BpmnIds.DeadlineEscalation.FIELD_SUPPLIER_CONTACT, taskData.supplierContact());
        variables.put(BpmnIds.DeadlineEscalation.FIELD_TOTAL_AMOUNT, taskData.totalAmount());
        variables.put(BpmnIds.DeadlineEscalation.FIELD_DEADLINE, taskData.deadline());
        runtimeService.startProcessInstanceByKey(BpmnIds.DeadlineEscalation.PROCESS_ID, key, variables);
        return true;
    }
}
