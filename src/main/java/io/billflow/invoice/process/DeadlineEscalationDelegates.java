package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.DeadlineEscalation.VAR_COMMENT;
import static io.billflow.workflow.BpmnIds.DeadlineEscalation.VAR_INVOICE_ID;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.application.InvoiceService;
import io.billflow.workflow.duty.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code invoiceDeadlineEscalationProcess}: what the operator decided in the task. */
@Configuration(proxyBeanMethods = false)
class DeadlineEscalationDelegates {

    static long invoiceId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_INVOICE_ID)).longValue();
    }

    /** {@code Task_ResendIssueRequest}. */
    @Bean
    JavaDelegate resendIssueRequestDelegate(InvoiceService invoices) {
        return execution -> invoices.resendIssueRequest(invoiceId(execution), TaskActors.decidedBy(execution));
    }

    /** {@code Task_CancelInvoiceRequest}: only while still requested (the supplier may have decided meanwhile). */
    @Bean
    JavaDelegate cancelInvoiceRequestDelegate(InvoiceService invoices) {
        return execution -> {
            long invoiceId = invoiceId(execution);
            if (invoices.get(invoiceId).state() == InvoiceState.REQUESTED) {
                invoices.cancelRequest(invoiceId, TaskActors.decidedBy(execution),
                        (String) execution.getVariable(VAR_COMMENT));
            }
        };
    }
}
