package io.billflow.invoice.process;

import io.billflow.invoice.application.RequestReminders;
import io.billflow.workflow.BpmnIds.ReverseInvoice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reminder timer fired: remind the supplier (at most once a day; near the deadline, escalate). */
@Component("sendReminderDelegate")
class SendReminderDelegate implements JavaDelegate {

    private final RequestReminders reminders;

    public SendReminderDelegate(RequestReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind((Long) execution.getVariable(ReverseInvoice.VAR_INVOICE_ID));
    }
}
