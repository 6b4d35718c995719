package io.billflow.notification.process;

import io.billflow.notification.application.NotificationMessages;
import io.billflow.workflow.BpmnIds.NotificationFailure;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Operations handled it another way: close the message (idempotent). */
@Component("closeMessageDelegate")
class CloseMessageDelegate implements JavaDelegate {

    private final NotificationMessages messages;

    public CloseMessageDelegate(NotificationMessages messages) {
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        messages.closeIfFailed((Long) execution.getVariable(NotificationFailure.VAR_MESSAGE_ID), io.billflow.workflow.duty.TaskActors.decidedBy(execution));
    }
}
