package io.billflow.invoice.process;

import io.billflow.invoice.application.InvoiceService;
import io.billflow.workflow.BpmnIds.ReverseInvoice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Operations chose to write a corrected invoice: a new draft with the refused invoice's content. */
@Component("writeCorrectedDraftDelegate")
class WriteCorrectedDraftDelegate implements JavaDelegate {

    private final InvoiceService invoices;

    public WriteCorrectedDraftDelegate(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invoices.correctedDraftOf((Long) execution.getVariable(ReverseInvoice.VAR_INVOICE_ID), io.billflow.workflow.duty.TaskActors.decidedBy(execution));
    }
}
