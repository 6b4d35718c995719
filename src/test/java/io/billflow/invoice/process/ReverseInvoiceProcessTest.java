package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.ReverseInvoice.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.issuance.IssuanceService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** reverseInvoiceProcess, path by path (job executor off: each job is run by the id of its step). */
@BillflowSpringTest
class ReverseInvoiceProcessTest {

    @LocalServerPort
    int port;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IssuanceService issuance;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.billflow.invoice.application.InvoiceService invoices;

    TestHttp http;
    io.billflow.workflow.ProcessJobs jobs;
    long partnerId;
    long invoiceId;
    ProcessInstance instance;

    @BeforeEach
    void requested() {
        BpmnAwareTests.init(engine);
        jobs = new io.billflow.workflow.ProcessJobs(engine);
        http = new TestHttp(port);
        String corpNum = TestData.newBusinessNumber();
        partnerId = new InvoiceFixtures(http).supplierWithCertificate(corpNum, "(주)흐름상사");
        invoiceId = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(new InvoiceFixtures(http).buyerCompany(), partnerId, "FLOW-" + partnerId),
                "operator", "operator"));
        instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(invoiceId)).singleResult();
    }

    @Test
    void theRequestStartsTheProcessAndQueuesTheIssueRequest() {
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_SUPPLIER).variables().containsEntry(VAR_INVOICE_ID, invoiceId);
        assertThat(jdbc.queryForList("select channel from notification_message where dedup_key like ? order by channel",
                String.class, "invoice-requested:" + invoiceId + ":%")).containsExactly("ALIMTALK", "EMAIL");
        assertThat(jdbc.queryForObject("select text_body from notification_message where dedup_key like ? "
                + "and channel = 'EMAIL'", String.class, "invoice-requested:" + invoiceId + ":%")).contains("/portal/access/");
        assertThat(http.getBasic("/api/invoices/" + invoiceId, "operator", "operator").body())
                .contains("\"processActivity\":\"" + GATEWAY_AWAIT_SUPPLIER + "\"");
    }

    @Test
    void approvedThenCancelledInTheWindow() {
        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
        assertThat(instance).isWaitingAt(GATEWAY_CANCEL_WINDOW);
        issuance.cancelIssue(invoiceId, partnerId, "잘못 승인", TestPki.password(), "supplier");
        assertThat(instance).isEnded().hasPassedInOrder(START, GATEWAY_AWAIT_SUPPLIER, EVENT_APPROVED,
                GATEWAY_CANCEL_WINDOW, EVENT_ISSUE_CANCELLED, END_ISSUE_CANCELLED);
    }

    @Test
    void approvedThenTransmitted() {
        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
        runtimeService.createMessageCorrelation(MESSAGE_TRANSMITTED).processInstanceBusinessKey(String.valueOf(invoiceId))
                .correlate();
        assertThat(instance).isEnded().hasPassed(EVENT_TRANSMITTED, END_TRANSMITTED).hasNotPassed(EVENT_ISSUE_CANCELLED);
    }

    @Test
    void aFailedTransmissionBecomesAnOperationsTask() {
        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
        runtimeService.createMessageCorrelation(MESSAGE_TRANSMISSION_FAILED)
                .processInstanceBusinessKey(String.valueOf(invoiceId)).correlate();
        assertThat(instance).isWaitingAt(TASK_HANDLE_TRANSMISSION_FAILURE);
        assertThat(task(instance)).hasCandidateGroup("operations");
        io.billflow.workflow.SignedIn.asOperator(identityService,
                () -> complete(task(instance), Map.of(VAR_TRANSMISSION_DECISION, "handled")));
        assertThat(instance).isEnded();
    }

    @Test
    void operationsCanWriteACorrectedInvoiceAfterARefusal() {
        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
        runtimeService.createMessageCorrelation(MESSAGE_TRANSMISSION_FAILED)
                .processInstanceBusinessKey(String.valueOf(invoiceId)).correlate();
        io.billflow.workflow.SignedIn.asOperator(identityService,
                () -> complete(task(instance), Map.of(VAR_TRANSMISSION_DECISION, "redraft")));
        assertThat(instance).isWaitingAt(TASK_WRITE_CORRECTED_DRAFT);
        jobs.executeJobFor(instance, TASK_WRITE_CORRECTED_DRAFT);
        assertThat(instance).isEnded().hasPassed(TASK_WRITE_CORRECTED_DRAFT, END_CORRECTED_DRAFT);
        java.util.Map<String, Object> draft = jdbc.queryForMap("select id, state_code, total_amount from tax_invoice "
                + "where invoicee_mgt_key = ?", "FLOW-" + partnerId + "-R1");
        assertThat(draft).containsEntry("state_code", 100).containsEntry("total_amount", 1_650_000L);
        assertThat(invoices.correctedDraftOf(invoiceId, "operations").id()).as("a repeated step finds the same draft")
                .isEqualTo(((Number) draft.get("id")).longValue());
    }

    @Test
    void rejectedBySupplier() {
        issuance.refuse(invoiceId, partnerId, "금액 불일치", TestPki.password(), "supplier");
        assertThat(instance).isEnded().hasPassedInOrder(GATEWAY_AWAIT_SUPPLIER, EVENT_REJECTED, END_REJECTED);
    }

    @Test
    void anUndecidedSupplierIsRemindedAndTheProcessWaitsAgain() {
        org.camunda.bpm.engine.runtime.Job timer = jobs.jobFor(instance, TIMER_REMINDER);
        assertThat(timer.getDuedate().toInstant()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
        jobs.executeJobFor(instance, TIMER_REMINDER);
        assertThat(instance).isWaitingAt(TASK_SEND_REMINDER);
        jobs.executeJobFor(instance, TASK_SEND_REMINDER);
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_SUPPLIER).hasPassed(TIMER_REMINDER, TASK_SEND_REMINDER);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                "invoice-reminder:" + invoiceId + ":%")).isPositive();
    }

    @Test
    void nearTheDeadlineOperationsGetATaskAndMayCancelTheRequest() {
        jdbc.update("update tax_invoice set issuance_deadline = current_date where id = ?", invoiceId);
        fireReminder();
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                "invoice-deadline-warning:" + invoiceId + ":%")).isPositive();
        ProcessInstance escalation = escalation();
        assertThat(escalation).isWaitingAt(io.billflow.workflow.BpmnIds.DeadlineEscalation.TASK_HANDLE);
        assertThat(task(escalation)).hasCandidateGroup("operations");
        fireReminder(); // a second reminder does not open a second task
        assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(io.billflow.workflow.BpmnIds.DeadlineEscalation.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(invoiceId)).count()).isEqualTo(1);

        io.billflow.workflow.SignedIn.asOperator(identityService,
                () -> complete(task(escalation), Map.of(io.billflow.workflow.BpmnIds.DeadlineEscalation.VAR_ACTION, "cancel",
                        io.billflow.workflow.BpmnIds.DeadlineEscalation.VAR_COMMENT, "공급자 연락 두절")));
        jobs.executeJobFor(escalation, io.billflow.workflow.BpmnIds.DeadlineEscalation.TASK_CANCEL);
        assertThat(escalation).isEnded();
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .isEqualTo(500);
        assertThat(instance).isEnded().hasPassed(END_REQUEST_CANCELLED);
    }

    @Test
    void operationsMayResendTheRequest() {
        jdbc.update("update tax_invoice set issuance_deadline = current_date + 1 where id = ?", invoiceId);
        fireReminder();
        ProcessInstance escalation = escalation();
        io.billflow.workflow.SignedIn.asOperator(identityService,
                () -> complete(task(escalation), Map.of(io.billflow.workflow.BpmnIds.DeadlineEscalation.VAR_ACTION, "resend")));
        jobs.executeJobFor(escalation, io.billflow.workflow.BpmnIds.DeadlineEscalation.TASK_RESEND);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                "invoice-requested:" + invoiceId + ":resent:%")).isPositive();
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_SUPPLIER);
    }

    @Test
    void operationsMayKeepWaitingForTheSupplier() {
        jdbc.update("update tax_invoice set issuance_deadline = current_date where id = ?", invoiceId);
        fireReminder();
        ProcessInstance escalation = escalation();
        io.billflow.workflow.SignedIn.asOperator(identityService, () -> complete(task(escalation),
                Map.of(io.billflow.workflow.BpmnIds.DeadlineEscalation.VAR_ACTION, "extend")));
        assertThat(escalation).isEnded().hasPassed(io.billflow.workflow.BpmnIds.DeadlineEscalation.END_WAITING)
                .hasNotPassed(io.billflow.workflow.BpmnIds.DeadlineEscalation.TASK_RESEND,
                        io.billflow.workflow.BpmnIds.DeadlineEscalation.TASK_CANCEL);
        assertThat(instance).as("the supplier is still asked").isWaitingAt(GATEWAY_AWAIT_SUPPLIER);
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .isEqualTo(200);
    }

    /** The invoice's deadline escalation (business key = invoice id). */
    private ProcessInstance escalation() {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(io.billflow.workflow.BpmnIds.DeadlineEscalation.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(invoiceId)).singleResult();
    }

    private void fireReminder() {
        jobs.executeJobFor(instance, TIMER_REMINDER);
        jobs.executeJobFor(instance, TASK_SEND_REMINDER);
    }

    @Test
    void cancelledByTheBuyer() {
        assertThat(http.postJson("/api/invoices/" + invoiceId + "/cancel-request", "{\"memo\":\"중복 요청\"}", "operator",
                "operator").statusCode()).isEqualTo(200);
        assertThat(instance).isEnded().hasPassed(EVENT_REQUEST_CANCELLED, END_REQUEST_CANCELLED);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                "invoice-request-cancelled:" + invoiceId + ":%")).isPositive();
    }
}
