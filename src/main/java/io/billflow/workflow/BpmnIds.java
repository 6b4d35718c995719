package io.billflow.workflow;

/**
 * Every process, element, message, variable, form and form-field name that Java code refers to, in one place, one
 * nested class per model. The files in processes/ and forms/ use the same strings; ProcessModelConsistencyTest checks
 * both ways (each constant names something its model has; each wait state, job, message and form field of a model
 * has a constant) and reads a constant by its prefix: PROCESS_ID, MESSAGE_, ERROR_, FORM_, FIELD_ (task data a
 * listener shows in a form), VAR_ (process variables), DECISION_ (values a gateway compares with), else element ids.
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
        public static final String VAR_COMMENT = "operationsComment";
        public static final String FORM_HANDLE = "operationsFailureForm";
        public static final String DECISION_RETRY = "retry";
        public static final String DECISION_HANDLED = "handled";

        private NotificationFailure() {
        }

        public static String businessKey(long messageId) {
            return "notification-" + messageId;
        }
    }

    /** processes/reverseInvoiceProcess.bpmn: one requested reverse invoice, business key = invoice id. */
    public static final class ReverseInvoice {
        public static final String PROCESS_ID = "reverseInvoiceProcess";
        public static final String START = "StartEvent_InvoiceRequested";
        public static final String GATEWAY_AWAIT_SUPPLIER = "Gateway_AwaitSupplier";
        public static final String EVENT_APPROVED = "Event_SupplierApproved";
        public static final String EVENT_REJECTED = "Event_SupplierRejected";
        public static final String EVENT_REQUEST_CANCELLED = "Event_RequestCancelled";
        public static final String GATEWAY_CANCEL_WINDOW = "Gateway_CancelWindow";
        public static final String EVENT_ISSUE_CANCELLED = "Event_IssueCancelled";
        public static final String EVENT_TRANSMITTED = "Event_InvoiceTransmitted";
        public static final String EVENT_TRANSMISSION_FAILED = "Event_TransmissionFailed";
        public static final String TASK_HANDLE_TRANSMISSION_FAILURE = "Task_HandleTransmissionFailure";
        public static final String END_REJECTED = "EndEvent_Rejected";
        public static final String END_REQUEST_CANCELLED = "EndEvent_RequestCancelled";
        public static final String END_ISSUE_CANCELLED = "EndEvent_IssueCancelled";
        public static final String END_TRANSMITTED = "EndEvent_Transmitted";

        public static final String MESSAGE_APPROVED = "Message_SupplierApproved";
        public static final String MESSAGE_REJECTED = "Message_SupplierRejected";
        public static final String MESSAGE_REQUEST_CANCELLED = "Message_RequestCancelled";
        public static final String MESSAGE_ISSUE_CANCELLED = "Message_IssueCancelled";
        public static final String MESSAGE_TRANSMITTED = "Message_InvoiceTransmitted";
        public static final String MESSAGE_TRANSMISSION_FAILED = "Message_TransmissionFailed";

        public static final String TASK_RETRANSMIT = "Task_Retransmit";
        public static final String TASK_WRITE_CORRECTED_DRAFT = "Task_WriteCorrectedDraft";
        public static final String END_CORRECTED_DRAFT = "EndEvent_CorrectedDraftWritten";
        public static final String VAR_TRANSMISSION_DECISION = "transmissionDecision";
        public static final String VAR_COMMENT = "operationsComment";
        public static final String FORM_TRANSMISSION_FAILURE = "transmissionFailureForm";
        public static final String FIELD_MGT_KEY = "invoiceeMgtKey";
        public static final String FIELD_APPROVAL_NUMBER = "approvalNumber";
        public static final String FIELD_NTS_ERROR_CODE = "ntsErrorCode";
        public static final String FIELD_NTS_ERROR_MESSAGE = "ntsErrorMessage";
        public static final String TIMER_REMINDER = "Timer_Reminder";
        public static final String TASK_SEND_REMINDER = "Task_SendReminder";

        public static final String VAR_INVOICE_ID = "invoiceId";
        public static final String VAR_REMINDER_INTERVAL = "reminderInterval";

        private ReverseInvoice() {
        }
    }

    /** processes/ntsTransmissionProcess.bpmn: the nightly NTS batch. */
    public static final class NtsTransmission {
        public static final String PROCESS_ID = "ntsTransmissionProcess";
        public static final String START = "StartEvent_Nightly";
        public static final String TASK_QUEUE = "Task_QueueIssuedInvoices";
        public static final String SUBPROCESS_LANE = "SubProcess_TransmissionLane";
        public static final String END_LANE = "EndEvent_LaneDone";
        public static final String TASK_SUBMIT = "Task_SubmitQueuedInvoices";
        public static final String TASK_COLLECT = "Task_CollectVerdicts";
        public static final String TIMER_WAIT = "Timer_WaitForVerdicts";
        public static final String END = "EndEvent_BatchDone";

        public static final String VAR_CUTOFF = "cutoff";
        public static final String VAR_CHUNK_FULL = "chunkFull";
        public static final String VAR_PENDING = "pending";

        private NtsTransmission() {
        }
    }

    /** processes/invoiceDeadlineEscalationProcess.bpmn: an operations task when a request nears its deadline. */
    public static final class DeadlineEscalation {
        public static final String PROCESS_ID = "invoiceDeadlineEscalationProcess";
        public static final String TASK_HANDLE = "Task_HandleDeadline";
        public static final String TASK_RESEND = "Task_ResendIssueRequest";
        public static final String TASK_CANCEL = "Task_CancelInvoiceRequest";
        public static final String END_RESENT = "EndEvent_Resent";
        public static final String END_CANCELLED = "EndEvent_Cancelled";
        public static final String END_WAITING = "EndEvent_Waiting";
        public static final String VAR_INVOICE_ID = "invoiceId";
        public static final String VAR_ACTION = "deadlineAction";
        public static final String VAR_COMMENT = "operationsComment";
        public static final String FORM_HANDLE = "invoiceDeadlineForm";
        public static final String FIELD_MGT_KEY = "invoiceeMgtKey";
        public static final String FIELD_SUPPLIER_NAME = "supplierName";
        public static final String FIELD_SUPPLIER_CONTACT = "supplierContact";
        public static final String FIELD_TOTAL_AMOUNT = "totalAmount";
        public static final String FIELD_DEADLINE = "deadline";

        private DeadlineEscalation() {
        }
    }

    /** {@code settlementProcess}: business key = settlement report id. */
    public static final class Settlement {
        public static final String PROCESS_ID = "settlementProcess";
        public static final String START = "StartEvent_ReportSubmitted";
        public static final String TASK_REVIEW = "Task_ReviewReport";
        public static final String TASK_RETURN = "Task_ReturnReport";
        public static final String EVENT_RESUBMITTED = "Event_ReportResubmitted";
        public static final String TASK_PUBLISH = "Task_PublishReport";
        public static final String TASK_AWAIT_CONFIRMATION = "Task_AwaitPartnerConfirmation";
        public static final String TIMER_REMINDER = "Timer_SettlementReminder";
        public static final String TASK_SEND_REMINDER = "Task_SendSettlementReminder";
        public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";
        public static final String TIMER_DEADLINE = "Timer_SettlementDeadline";
        public static final String TASK_HANDLE_DEADLINE = "Task_HandleSettlementDeadline";
        public static final String TASK_EXTEND_DEADLINE = "Task_ExtendDeadline";
        public static final String TASK_REQUEST_INVOICE = "Task_RequestReverseInvoice";
        public static final String CALL_REVERSE_INVOICE = "CallActivity_ReverseInvoice";
        public static final String TASK_SCHEDULE_PAYOUT = "Task_SchedulePayout";
        public static final String TASK_APPROVE_PAYOUT = "Task_ApprovePayout";
        public static final String TASK_RECORD_APPROVAL = "Task_RecordPayoutApproval";
        public static final String TIMER_PAYOUT_DATE = "Timer_PayoutDate";
        public static final String TASK_VERIFY_HOLDER = "Task_VerifyAccountHolder";
        public static final String TASK_TRANSFER = "Task_TransferPayout";
        public static final String BOUNDARY_VERIFY_REFUSED = "Boundary_VerifyRefused";
        public static final String BOUNDARY_TRANSFER_REFUSED = "Boundary_TransferRefused";
        public static final String TASK_HANDLE_PAYOUT_FAILURE = "Task_HandlePayoutFailure";
        public static final String TASK_RETRY_PAYOUT = "Task_RetryPayout";
        public static final String TASK_HOLD_PAYOUT = "Task_HoldPayout";
        public static final String TASK_CANCEL = "Task_CancelSettlement";
        public static final String END_PAID = "EndEvent_Paid";
        public static final String END_ON_HOLD = "EndEvent_OnHold";
        public static final String END_CANCELLED = "EndEvent_Cancelled";

        public static final String MESSAGE_RESUBMITTED = "Message_ReportResubmitted";
        public static final String MESSAGE_PARTNER_CONFIRMED = "Message_PartnerConfirmed";
        public static final String ERROR_PAYOUT_REFUSED = "PAYOUT_REFUSED";

        public static final String VAR_REPORT_ID = "reportId";
        public static final String VAR_INVOICE_ID = "invoiceId";
        public static final String VAR_INDIVIDUAL = "individual";
        public static final String VAR_DEADLINE_AT = "deadlineAt";
        public static final String VAR_REMINDER_CYCLE = "reminderCycle";
        public static final String VAR_REMINDER_INTERVAL = "reminderInterval";
        public static final String VAR_REQUIRES_APPROVAL = "requiresApproval";
        public static final String VAR_PAYOUT_DUE_AT = "payoutDueAt";
        public static final String VAR_REVIEW_DECISION = "reviewDecision";
        public static final String VAR_REVIEW_COMMENT = "reviewComment";
        /** Who completed the review (set by the four-eyes listener; the payout approval may not be theirs). */
        public static final String VAR_REVIEWER = "reviewer";
        /** Who approved the payout, for Cockpit (the payout itself takes it from SettlementDuties). */
        public static final String VAR_PAYOUT_APPROVER = "payoutApprover";
        public static final String VAR_DEADLINE_DECISION = "deadlineDecision";
        public static final String VAR_PAYOUT_DECISION = "payoutDecision";
        public static final String VAR_FAILURE_DECISION = "payoutFailureDecision";
        public static final String VAR_FAILURE_REASON = "payoutFailureReason";
        public static final String VAR_COMMENT = "operationsComment";
        public static final String VAR_APPROVAL_COMMENT = "approvalComment";

        public static final String FORM_REVIEW = "settlementReviewForm";
        public static final String FORM_DEADLINE = "settlementDeadlineForm";
        public static final String FORM_PAYOUT_APPROVAL = "payoutApprovalForm";
        public static final String FORM_PAYOUT_FAILURE = "payoutFailureForm";
        /** What {@code settlementTaskDataListener} puts on each task for its form. */
        public static final String FIELD_PARTNER_NAME = "partnerName";
        public static final String FIELD_GROUP_NAME = "groupName";
        public static final String FIELD_MONTH = "settlementMonth";
        public static final String FIELD_LINES = "reportLines";
        public static final String FIELD_TOTALS = "reportTotals";
        public static final String FIELD_DEADLINE = "deadline";
        public static final String FIELD_PAYOUT_AMOUNT = "payoutAmount";
        public static final String FIELD_SCHEDULED_DATE = "scheduledDate";
        public static final String FIELD_MASKED_ACCOUNT = "maskedAccount";

        private Settlement() {
        }
    }
}
