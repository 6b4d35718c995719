package io.billflow.notification;

import static io.billflow.workflow.BpmnIds.NotificationFailure.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.notification.application.FailureEscalation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** notificationFailureProcess: the job executor is off; each job is driven here and the path asserted. */
@BillflowSpringTest
class NotificationFailureProcessTest {

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    FailureEscalation escalation;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.billflow.notification.application.NotificationMessages messages;

    @BeforeEach
    void bind() {
        BpmnAwareTests.init(engine);
        jobs = new io.billflow.workflow.ProcessJobs(engine);
    }

    io.billflow.workflow.ProcessJobs jobs;

    long failedMessage() {
        return jdbc.queryForObject("""
                insert into notification_message (dedup_key, event_type, recipients, subject, text_body, status, attempts,
                    next_attempt_at, created_at, last_error)
                values (?, 'PARTNER_NTS_LINKED', 'x@example.com', 'subject', 'text', 'FAILED', 8, ?, ?, '550 mailbox full')
                returning id""", Long.class, "test-failed-" + System.nanoTime(), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
    }

    ProcessInstance escalated(long messageId) {
        escalation.escalate(messageId, "550 mailbox full");
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(messageId)).singleResult();
    }

    @Test
    void retryQueuesTheMessageAgain() {
        long id = failedMessage();
        ProcessInstance instance = escalated(id);
        assertThat(instance).isWaitingAt(TASK_HANDLE);
        assertThat(task(instance)).hasCandidateGroup("operations");
        assertThat(instance).variables().containsEntry(VAR_ERROR, "550 mailbox full");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> complete(task(instance), Map.of(VAR_DECISION, DECISION_RETRY)))
                .as("nobody signed in decides nothing").hasMessageContaining("Nobody is signed in");
        assertThat(instance).isWaitingAt(TASK_HANDLE);
        io.billflow.workflow.SignedIn.asOperator(identityService,
                () -> complete(task(instance), Map.of(VAR_DECISION, DECISION_RETRY)));
        assertThat(instance).isWaitingAt(TASK_RESEND);
        jobs.executeJobFor(instance, TASK_RESEND);
        assertThat(instance).isEnded().hasPassedInOrder(START, TASK_HANDLE, GATEWAY_DECISION, TASK_RESEND, END_RESENT);
        // queued again (the outbox worker may already be sending it)
        assertThat(jdbc.queryForObject("select status from notification_message where id = ?", String.class, id))
                .isIn("PENDING", "SENDING", "SENT");
        assertThat(jdbc.queryForObject("select resent_by from notification_message where id = ?", String.class, id))
                .as("the signed-in operator, not the group").isEqualTo("operator");
        // a retried job would find the message queued and change nothing
        assertThat(messages.resendIfFailed(id, "again")).isFalse();
    }

    @Test
    void handledClosesTheMessage() {
        long id = failedMessage();
        ProcessInstance instance = escalated(id);
        io.billflow.workflow.SignedIn.asOperator(identityService,
                () -> complete(task(instance), Map.of(VAR_DECISION, DECISION_HANDLED)));
        jobs.executeJobFor(instance, TASK_CLOSE);
        assertThat(instance).isEnded().hasPassed(TASK_CLOSE, END_CLOSED).hasNotPassed(TASK_RESEND);
        assertThat(jdbc.queryForObject("select status from notification_message where id = ?", String.class, id))
                .isEqualTo("CANCELLED");
    }
}
