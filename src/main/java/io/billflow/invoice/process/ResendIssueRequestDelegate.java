package io.billflow.invoice.process;

import io.billflow.invoice.application.InvoiceService;
import io.billflow.workflow.BpmnIds.DeadlineEscalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Operations chose "resend": the issue request goes out again with a fresh portal link. */
@Component("resendIssueRequestDelegate")
class ResendIssueRequestDelegate implements JavaDelegate {

    private final InvoiceService invoices;

    public ResendIssueRequestDelegate(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invoices.resendIssueRequest((Long) execution.getVariable(DeadlineEscalation.VAR_INVOICE_ID), io.billflow.workflow.duty.TaskActors.decidedBy(execution));
    }
}
