package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.ReverseInvoice.*;

import java.util.List;
import java.util.Map;

import io.billflow.invoice.application.ReverseIssuanceProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * {@link ReverseIssuanceProcess} on Camunda: starts {@code reverseInvoiceProcess} and correlates the
 * supplier's and buyer's decisions by business key (indexed), inside the caller's transaction, so the
 * invoice state and the process move together or not at all.
 */
@Component
public class CamundaReverseIssuanceProcess implements ReverseIssuanceProcess {

    private final RuntimeService runtimeService;
    private final String reminderInterval;

    public CamundaReverseIssuanceProcess(RuntimeService runtimeService,
                                         @org.springframework.beans.factory.annotation.Value(
                                                 "${billflow.invoice.reminder-interval:P2D}") String reminderInterval) {
        this.runtimeService = runtimeService;
        this.reminderInterval = reminderInterval;
    }

    @Override
    public void requested(long invoiceId) {
        runtimeService.startProcessInstanceByKey(PROCESS_ID, String.valueOf(invoiceId),
                Map.of(VAR_INVOICE_ID, invoiceId, VAR_REMINDER_INTERVAL, reminderInterval));
    }

    @Override
    public void approved(long invoiceId) {
        correlate(MESSAGE_APPROVED, invoiceId);
    }

    @Override
    public void refused(long invoiceId) {
        correlate(MESSAGE_REJECTED, invoiceId);
    }

    @Override
    public void requestCancelled(long invoiceId) {
        correlate(MESSAGE_REQUEST_CANCELLED, invoiceId);
    }

    @Override
    public void issueCancelled(long invoiceId) {
        correlate(MESSAGE_ISSUE_CANCELLED, invoiceId);
    }

    @Override
    public void transmitted(long invoiceId) {
        correlate(MESSAGE_TRANSMITTED, invoiceId);
    }

    @Override
    public void transmissionFailed(long invoiceId) {
        correlate(MESSAGE_TRANSMISSION_FAILED, invoiceId);
    }

    @Override
    public String currentActivity(long invoiceId) {
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(invoiceId)).active().list();
        if (running.isEmpty()) {
            return null;
        }
        return String.join(",", runtimeService.getActiveActivityIds(running.get(0).getId()));
    }

    /**
     * Correlates to the invoice's waiting instance. Invoices requested before the process existed have
     * none; their state lives in the invoice tables, so nothing is lost by correlating to nobody.
     */
    private void correlate(String message, long invoiceId) {
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(invoiceId))
                .correlateAllWithResult();
    }
}
