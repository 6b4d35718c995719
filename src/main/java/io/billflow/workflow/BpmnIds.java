package io.billflow.workflow;

/**
 * Every process, element, message and variable name that Java code refers to, in one place. The BPMN
 * files in processes/ use the same strings; ProcessModelConsistencyTest checks that they exist there.
 */
public final class BpmnIds {

    private BpmnIds() {
    }

    /** processes/notificationFailureProcess.bpmn: a message failed after every retry; operations decide. */
    public static final class NotificationFailure {
        public static final String PROCESS_ID = "notificationFailureProcess";
        public static final String START = "StartEvent_MessageFailed";
        public static final String TASK_HANDLE = "Task_HandleFailedMessage";
        public static final String GATEWAY_DECISION = "Gateway_OperationsDecision";
        public static final String TASK_RESEND = "Task_ResendMessage";
        public static final String TASK_CLOSE = "Task_CloseMessage";
        public static final String END_RESENT = "EndEvent_MessageResent";
        public static final String END_CLOSED = "EndEvent_MessageClosed";

        public static final String VAR_MESSAGE_ID = "messageId";
        public static final String VAR_BUSINESS_KEY = "businessKey";
        public static final String VAR_FAILED_STEP = "failedStep";
        public static final String VAR_ERROR = "errorMessage";
        public static final String VAR_DECISION = "operationsDecision";
        public static final String DECISION_RETRY = "retry";
        public static final String DECISION_HANDLED = "handled";

        private NotificationFailure() {
        }

        public static String businessKey(long messageId) {
            return "notification-" + messageId;
        }
    }
}
