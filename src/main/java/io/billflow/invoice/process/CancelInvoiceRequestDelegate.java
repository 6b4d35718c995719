package io.billflow.invoice.process;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.workflow.BpmnIds.DeadlineEscalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Operations chose "cancel": the buyer's request is withdrawn (idempotent: only while it waits). */
@Component("cancelInvoiceRequestDelegate")
class CancelInvoiceRequestDelegate implements JavaDelegate {

    private final InvoiceService invoices;

    public CancelInvoiceRequestDelegate(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long invoiceId = (Long) execution.getVariable(DeadlineEscalation.VAR_INVOICE_ID);
        if (invoices.get(invoiceId).state() == InvoiceState.REQUESTED) {
            invoices.cancelRequest(invoiceId, io.billflow.workflow.duty.TaskActors.decidedBy(execution), (String) execution.getVariable(DeadlineEscalation.VAR_COMMENT));
        }
    }
}
