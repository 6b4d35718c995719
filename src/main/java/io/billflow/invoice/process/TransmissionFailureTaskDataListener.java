package io.billflow.invoice.process;

import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.workflow.BpmnIds.ReverseInvoice;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Puts what the failure form shows (key, approval number, NTS code and meaning) on the task, as task-local values. */
@Component("transmissionFailureTaskDataListener")
class TransmissionFailureTaskDataListener implements TaskListener {

    private final InvoiceService invoices;

    public TransmissionFailureTaskDataListener(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void notify(DelegateTask task) {
        TaxInvoice invoice = invoices.get((Long) task.getVariable(ReverseInvoice.VAR_INVOICE_ID));
        String memo = invoice.stateMemo() == null ? "" : invoice.stateMemo();
        int space = memo.indexOf(' ');
        task.setVariableLocal(ReverseInvoice.FIELD_MGT_KEY, invoice.invoiceeMgtKey());
        task.setVariableLocal(ReverseInvoice.FIELD_APPROVAL_NUMBER, invoice.ntsConfirmNum());
        task.setVariableLocal(ReverseInvoice.FIELD_NTS_ERROR_CODE, space < 0 ? memo : memo.substring(0, space));
        task.setVariableLocal(ReverseInvoice.FIELD_NTS_ERROR_MESSAGE, space < 0 ? "" : memo.substring(space + 1));
    }
}
