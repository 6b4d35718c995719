package io.billflow.invoice.process;

import io.billflow.invoice.transmission.TransmissionService;
import io.billflow.workflow.BpmnIds.ReverseInvoice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Operations chose "retransmit": the invoice goes to NTS again; the process waits for the new verdict. */
@Component("retransmitInvoiceDelegate")
class RetransmitInvoiceDelegate implements JavaDelegate {

    private final TransmissionService transmission;

    public RetransmitInvoiceDelegate(TransmissionService transmission) {
        this.transmission = transmission;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transmission.retransmit((Long) execution.getVariable(ReverseInvoice.VAR_INVOICE_ID), io.billflow.workflow.duty.TaskActors.decidedBy(execution));
    }
}
