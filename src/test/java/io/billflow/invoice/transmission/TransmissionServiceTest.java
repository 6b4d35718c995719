package io.billflow.invoice.transmission;

import static io.billflow.workflow.BpmnIds.ReverseInvoice.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.issuance.IssuanceService;
import io.billflow.nts.simulator.NtsSimulator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issued invoices go to the NTS simulator once, and its verdicts move the invoice and its process on. */
@BillflowSpringTest
class TransmissionServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    TransmissionService transmission;

    @Autowired
    IssuanceService issuance;

    @Autowired
    NtsSimulator nts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    TestHttp http;
    String corpNum;
    long partnerId;

    @BeforeEach
    void supplierWithCertificate() {
        BpmnAwareTests.init(engine);
        http = new TestHttp(port);
        corpNum = TestData.newBusinessNumber();
        partnerId = new InvoiceFixtures(http).supplierWithCertificate(corpNum, "(주)전송상사");
    }

    @AfterEach
    void healthyNts() {
        nts.setTransientFailureRate(0);
        nts.setLostResponseRate(0);
        nts.setClosed(corpNum, false);
    }

    long issuedInvoice(String key) {
        long id = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(new InvoiceFixtures(http).buyerCompany(), partnerId, key + partnerId),
                "operator", "operator"));
        issuance.approve(id, partnerId, false, TestPki.password(), "supplier");
        return id;
    }

    String approval(long id) {
        return jdbc.queryForObject("select nts_confirm_num from tax_invoice where id = ?", String.class, id);
    }

    /** An approval number as the notices print it: 20261101-41000000-12345678. */
    static String printed(String approval) {
        String digits = approval.strip();
        return digits.substring(0, 8) + "-" + digits.substring(8, 16) + "-" + digits.substring(16);
    }

    int state(long id) {
        return jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, id);
    }

    @Test
    void theBatchTransmitsOnceAndTheVerdictEndsTheProcess() {
        long id = issuedInvoice("NTS-OK-");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult();

        assertThat(transmission.queueIssuedBefore(Instant.now().plusSeconds(1), 1000)).isPositive();
        assertThat(state(id)).isEqualTo(302);
        transmission.submitQueued(1000);
        transmission.submitQueued(1000); // a repeated step finds nothing queued
        assertThat(state(id)).isEqualTo(303);
        transmission.collectResults(1000);

        assertThat(state(id)).isEqualTo(304);
        assertThat(nts.submissions(approval(id))).as("handed over exactly once").isEqualTo(1);
        assertThat(instance).isEnded().hasPassed(EVENT_TRANSMITTED, END_TRANSMITTED);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                "invoice-transmitted:" + id + ":%")).isPositive();
        assertThat(http.getBasic("/api/invoices/" + id + "/history", "operator", "operator").body())
                .containsSubsequence("\"toState\":300", "\"toState\":302", "\"toState\":303", "\"toState\":304");
    }

    @Test
    void aChunkOfVerdictsEndsEachWaitingProcessAndTellsBothSidesOnce() {
        long first = issuedInvoice("NTS-CHUNK-A-");
        long second = issuedInvoice("NTS-CHUNK-B-");
        ProcessInstance waiting = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(first)).singleResult();
        // an invoice requested before its process existed has none: the verdict still counts
        runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(second)).singleResult().getId(), "predates the process");

        transmission.queueIssuedBefore(Instant.now().plusSeconds(1), 1000);
        transmission.submitQueued(1000);
        transmission.collectResults(1000);
        assertThat(transmission.collectResults(1000)).as("each verdict is applied once").isZero();

        assertThat(state(first)).isEqualTo(304);
        assertThat(state(second)).isEqualTo(304);
        assertThat(waiting).isEnded().hasPassed(EVENT_TRANSMITTED, END_TRANSMITTED);
        for (long id : new long[] {first, second}) {
            assertThat(jdbc.queryForList("select recipient_key || ' ' || channel from notification_message "
                    + "where dedup_key like ? order by 1", String.class, "invoice-transmitted:" + id + ":%"))
                    .as("supplier and buyer, by e-mail, once each").hasSize(2)
                    .allMatch(row -> row.endsWith(" EMAIL")).anyMatch(row -> row.startsWith("partner:" + partnerId))
                    .anyMatch(row -> row.startsWith("buyer:"));
            assertThat(jdbc.queryForObject("select subject from notification_message where dedup_key like ? limit 1",
                    String.class, "invoice-transmitted:" + id + ":%")).as("the invoice's own approval number")
                    .contains(printed(approval(id)));
        }
    }

    @Test
    void theResultPollerStaysOutWhileALaneOfTheNightCollects() throws Exception {
        long id = issuedInvoice("NTS-POLL-");
        java.util.concurrent.CountDownLatch collecting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<?> lane = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() ->
                transaction.executeWithoutResult(status -> {
                    transmission.collectLaneResults(Lane.ALL, 1000); // its transaction stays open until released
                    collecting.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        try {
            assertThat(collecting.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            transmission.sendNow(id);
            assertThat(transmission.collectResultsBesideTheNight(1000)).as("a lane is collecting").isZero();
            assertThat(state(id)).isEqualTo(303);
        } finally {
            release.countDown();
            lane.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        transmission.collectResultsBesideTheNight(1000); // the 30 s poller may have been first; either way once
        assertThat(state(id)).isEqualTo(304);
    }

    @Test
    void aTransientNtsOutageIsRetriedWithoutASecondHandOver() {
        long id = issuedInvoice("NTS-RETRY-");
        nts.setTransientFailureRate(1.0);
        http.postJson("/api/invoices/" + id + "/send-to-nts", "", "operator", "operator");
        assertThat(state(id)).isEqualTo(303);
        assertThat(nts.submissions(approval(id))).isZero();
        nts.setTransientFailureRate(0);
        assertThat(transmission.retryUnsubmitted(100)).isPositive();
        transmission.collectResults(1000);
        assertThat(state(id)).isEqualTo(304);
        assertThat(nts.submissions(approval(id))).isEqualTo(1);
    }

    @Test
    void aLostAnswerIsSentAgainButTakesEffectOnce() {
        long id = issuedInvoice("NTS-LOST-");
        nts.setLostResponseRate(1.0);
        http.postJson("/api/invoices/" + id + "/send-to-nts", "", "operator", "operator");
        assertThat(state(id)).isEqualTo(303);
        assertThat(nts.submissions(approval(id))).as("NTS has it, we do not know").isEqualTo(1);
        assertThat(jdbc.queryForObject("select submitted_at from nts_transmission where invoice_id = ?", Object.class, id))
                .isNull();

        nts.setLostResponseRate(0);
        assertThat(transmission.retryUnsubmitted(100)).isPositive();
        assertThat(nts.submissions(approval(id))).as("sent again, same approval number").isEqualTo(2);
        transmission.collectResults(1000); // the 30 s poller may have applied it already; either way once
        assertThat(transmission.collectResults(1000)).as("a verdict is applied once").isZero();

        assertThat(state(id)).isEqualTo(304);
        assertThat(jdbc.queryForObject("select count(*) from tax_invoice_history where invoice_id = ? "
                + "and to_state = 304", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?",
                Integer.class, "invoice-transmitted:" + id + ":%")).isPositive();
    }

    @Test
    void anNtsErrorIsFailedAndBecomesAnOperationsTask() {
        long id = issuedInvoice("NTS-ERR-");
        nts.setClosed(corpNum, true);
        String response = http.postJson("/api/invoices/" + id + "/send-to-nts", "", "operator", "operator").body();
        assertThat(response).contains("\"stateCode\":303");
        transmission.collectResults(1000);
        assertThat(state(id)).isEqualTo(305);
        assertThat(jdbc.queryForObject("select state_memo from tax_invoice where id = ?", String.class, id)).startsWith("ERR009");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult();
        assertThat(instance).isWaitingAt(TASK_HANDLE_TRANSMISSION_FAILURE);
    }

    @Test
    void operationsRetransmitAfterFixingTheCause() {
        long id = issuedInvoice("NTS-FIX-");
        nts.setClosed(corpNum, true);
        transmission.sendNow(id);
        transmission.collectResults(1000);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult();
        org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(engine.getTaskService().getVariablesLocal(task.getId()))
                .containsEntry("ntsErrorCode", "ERR009").containsEntry("approvalNumber", approval(id));

        nts.setClosed(corpNum, false); // the cause is fixed (e.g. the status was wrong at NTS)
        io.billflow.workflow.SignedIn.asOperator(engine.getIdentityService(),
                () -> engine.getTaskService().complete(task.getId(), Map.of(VAR_TRANSMISSION_DECISION, "retransmit")));
        org.camunda.bpm.engine.ManagementService jobs = engine.getManagementService();
        jobs.executeJob(jobs.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        assertThat(state(id)).isEqualTo(303);
        transmission.collectResults(1000);
        assertThat(state(id)).isEqualTo(304);
        assertThat(instance).isEnded().hasPassed(TASK_RETRANSMIT, END_TRANSMITTED);
    }

    @Test
    void aCancelledIssueIsNeverTransmitted() {
        long id = issuedInvoice("NTS-CXL-");
        issuance.cancelIssue(id, partnerId, "취소", TestPki.password(), "supplier");
        transmission.queueIssuedBefore(Instant.now().plusSeconds(1), 1000);
        transmission.submitQueued(1000);
        assertThat(state(id)).isEqualTo(600);
        assertThat(nts.submissions(approval(id))).isZero();
    }
}
