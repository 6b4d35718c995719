package io.billflow.notification.process;

import static io.billflow.workflow.BpmnIds.NotificationFailure.*;

import java.util.Map;

import io.billflow.notification.application.FailureEscalation;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts {@code notificationFailureProcess}: an operations task in Tasklist for the failed message. */
@Component
class CamundaFailureEscalation implements FailureEscalation {

    private final RuntimeService runtimeService;

    public CamundaFailureEscalation(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void escalate(long messageId, String lastError) {
        runtimeService.startProcessInstanceByKey(PROCESS_ID, businessKey(messageId), Map.of(
                VAR_MESSAGE_ID, messageId,
                VAR_BUSINESS_KEY, businessKey(messageId),
                VAR_FAILED_STEP, "notification delivery",
                VAR_ERROR, lastError == null ? "" : lastError));
    }
}
