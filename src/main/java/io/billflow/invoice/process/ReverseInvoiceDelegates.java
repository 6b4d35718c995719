package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.ReverseInvoice.VAR_INVOICE_ID;

import io.billflow.invoice.application.InvoiceService;
import io.billflow.invoice.application.RequestReminders;
import io.billflow.invoice.transmission.TransmissionService;
import io.billflow.workflow.duty.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code reverseInvoiceProcess}, each one use case: the bean name is the model's
 * {@code delegateExpression}. Each is safe to retry because its use case is (a repeated step finds its work done).
 */
@Configuration(proxyBeanMethods = false)
class ReverseInvoiceDelegates {

    static long invoiceId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_INVOICE_ID)).longValue();
    }

    /** {@code Task_SendReminder}: the reminder, and near the deadline the warning and the operations task. */
    @Bean
    JavaDelegate sendReminderDelegate(RequestReminders reminders) {
        return execution -> reminders.remind(invoiceId(execution));
    }

    /** {@code Task_Retransmit}: the same signed document again, after operations fixed the cause. */
    @Bean
    JavaDelegate retransmitInvoiceDelegate(TransmissionService transmission) {
        return execution -> transmission.retransmit(invoiceId(execution), TaskActors.decidedBy(execution));
    }

    /** {@code Task_WriteCorrectedDraft}: a new draft from the refused invoice (found again on a retry). */
    @Bean
    JavaDelegate writeCorrectedDraftDelegate(InvoiceService invoices) {
        return execution -> invoices.correctedDraftOf(invoiceId(execution), TaskActors.decidedBy(execution));
    }
}
