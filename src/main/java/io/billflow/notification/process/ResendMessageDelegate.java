package io.billflow.notification.process;

import io.billflow.notification.application.NotificationMessages;
import io.billflow.workflow.BpmnIds.NotificationFailure;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Operations chose "retry": queue the message again (idempotent: a retried job finds it queued). */
@Component("resendMessageDelegate")
class ResendMessageDelegate implements JavaDelegate {

    private final NotificationMessages messages;

    public ResendMessageDelegate(NotificationMessages messages) {
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        messages.resendIfFailed((Long) execution.getVariable(NotificationFailure.VAR_MESSAGE_ID), io.billflow.workflow.duty.TaskActors.decidedBy(execution));
    }
}
