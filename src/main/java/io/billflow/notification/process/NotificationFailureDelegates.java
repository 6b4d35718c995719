package io.billflow.notification.process;

import static io.billflow.workflow.BpmnIds.NotificationFailure.VAR_MESSAGE_ID;

import io.billflow.notification.application.NotificationMessages;
import io.billflow.workflow.duty.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code notificationFailureProcess}: what operations decided. Both change a message only while
 * it is still FAILED, so a retried job changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class NotificationFailureDelegates {

    static long messageId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_MESSAGE_ID)).longValue();
    }

    /** {@code Task_ResendMessage}. */
    @Bean
    JavaDelegate resendMessageDelegate(NotificationMessages messages) {
        return execution -> messages.resendIfFailed(messageId(execution), TaskActors.decidedBy(execution));
    }

    /** {@code Task_CloseMessage}. */
    @Bean
    JavaDelegate closeMessageDelegate(NotificationMessages messages) {
        return execution -> messages.closeIfFailed(messageId(execution), TaskActors.decidedBy(execution));
    }
}
