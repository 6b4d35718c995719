package io.billflow.settlement;

import io.billflow.certificate.testpki.TestPki;

import static io.billflow.workflow.BpmnIds.Settlement.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.issuance.IssuanceService;
import io.billflow.invoice.transmission.TransmissionService;
import io.billflow.settlement.adapter.simulator.BankSimulator;
import io.billflow.settlement.adapter.simulator.SimulatedAccountState;
import io.billflow.workflow.ProcessJobs;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code settlementProcess} path by path, with the job executor off: each job is executed here, and the
 * path taken is asserted. The partner's reverse invoice runs in the real {@code reverseInvoiceProcess}
 * (call activity) and the real NTS simulator; the payout goes through the bank simulator.
 */
@BillflowSpringTest
class SettlementProcessTest {

    static final String MONTH = YearMonth.now(ZoneId.of("Asia/Seoul")).minusMonths(1).toString();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IssuanceService issuance;

    @Autowired
    TransmissionService transmission;

    @Autowired
    BankSimulator bank;

    TestHttp http;
    SettlementFixtures fixtures;
    ProcessJobs jobs;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        jobs = new ProcessJobs(engine);
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
        fixtures.settlementBuyer();
        bank.addAccount("088", "110-123-456789", "홍길동");
        bank.setTransientFailureRate(0);
        bank.setLostAnswerRate(0);
    }

    @Test
    void aBusinessReportIsReviewedConfirmedSignedTransmittedAndPaidOnce() {
        long partnerId = new InvoiceFixtures(http).supplierWithCertificate(TestData.newBusinessNumber(), "(주)정산상사");
        long reportId = report(fixtures.group(partnerId, "정산상사 " + System.nanoTime(), List.of("다음스포츠", "다음뉴스")),
                "다음스포츠", 200_000, "다음뉴스", 4_940_000);
        ProcessInstance process = reviewedAndPublished(reportId);
        assertThat(process).isWaitingAt(TASK_AWAIT_CONFIRMATION);
        assertThat(status(reportId)).isEqualTo("PUBLISHED");

        HttpResponse<String> future = confirm(reportId, LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(1));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("writeDate");
        assertThat(confirm(reportId, YearMonth.parse(MONTH).atDay(1).minusDays(1)).statusCode()).isEqualTo(400);
        assertThat(confirm(reportId, LocalDate.now(ZoneId.of("Asia/Seoul"))).statusCode()).isEqualTo(200);

        jobs.executeJobFor(process, TASK_REQUEST_INVOICE); // the call activity starts reverseInvoiceProcess
        long invoiceId = jdbc.queryForObject("select invoice_id from settlement_report where id = ?", Long.class, reportId);
        assertThat(status(reportId)).isEqualTo("SIGNATURE_REQUESTED");
        assertThat(process).isWaitingAt(CALL_REVERSE_INVOICE);
        assertThat(jdbc.queryForObject("select total_amount from tax_invoice where id = ?", Long.class, invoiceId))
                .as("the invoice's amounts are the report's").isEqualTo(5_654_000L);

        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier"); // the partner signs in the portal
        transmission.sendNow(invoiceId);
        transmission.collectResults(100);
        assertThat(process).isWaitingAt(TASK_SCHEDULE_PAYOUT);

        jobs.executeJobFor(process, TASK_SCHEDULE_PAYOUT);
        assertThat(status(reportId)).isEqualTo("PAYOUT_PROCESSING");
        assertThat(process).isWaitingAt(TIMER_PAYOUT_DATE);
        jobs.executeJobFor(process, TIMER_PAYOUT_DATE); // the scheduled business day
        jobs.executeJobFor(process, TASK_VERIFY_HOLDER);
        jobs.executeJobFor(process, TASK_TRANSFER);
        assertThat(process).isEnded().hasPassed(TASK_REVIEW, TASK_PUBLISH, TASK_REQUEST_INVOICE, CALL_REVERSE_INVOICE,
                TASK_SCHEDULE_PAYOUT, TASK_VERIFY_HOLDER, TASK_TRANSFER, END_PAID).hasNotPassed(TASK_APPROVE_PAYOUT);
        assertThat(status(reportId)).isEqualTo("PAID");
        Map<String, Object> payout = payout(reportId);
        assertThat(payout).containsEntry("status", "PAID").containsEntry("payout_amount", 5_654_000L)
                .containsEntry("income_tax", 0L);
        assertThat(bank.transferCount((String) payout.get("idempotency_key"))).isEqualTo(1);
    }

    @Test
    void aReturnedReportComesBackToTheSameReviewAfterCorrection() {
        long groupId = fixtures.group("반려상사 " + System.nanoTime(), List.of("매체A"));
        long reportId = report(groupId, "매체A", 1_000_000);
        ProcessInstance process = submitted(reportId);
        complete(process, Map.of(VAR_REVIEW_DECISION, "return", VAR_REVIEW_COMMENT, "매체A 금액 확인 필요"));
        jobs.executeJobFor(process, TASK_RETURN);
        assertThat(process).isWaitingAt(EVENT_RESUBMITTED);
        assertThat(status(reportId)).isEqualTo("RETURNED");
        assertThat(jdbc.queryForObject("select review_comment from settlement_report where id = ?", String.class, reportId))
                .isEqualTo("매체A 금액 확인 필요");

        report(groupId, "매체A", 900_000); // corrected
        assertThat(http.postJson("/api/settlement/reports/" + reportId + "/review-request", "", "manager", "manager")
                .statusCode()).isEqualTo(200);
        assertThat(process).isWaitingAt(TASK_REVIEW);
        assertThat(status(reportId)).isEqualTo("IN_REVIEW");
    }

    @Test
    void anIndividualGetsNoInvoiceAndIsPaidAfterWithholding() {
        long reportId = individualReport("김작가", "웹소설", "웹소설", 1_000_000);
        ProcessInstance process = reviewedAndPublished(reportId);
        assertThat(process).isWaitingAt(TASK_SCHEDULE_PAYOUT);
        jobs.executeJobFor(process, TASK_SCHEDULE_PAYOUT);
        jobs.executeJobFor(process, TIMER_PAYOUT_DATE);
        jobs.executeJobFor(process, TASK_VERIFY_HOLDER);
        jobs.executeJobFor(process, TASK_TRANSFER);
        assertThat(process).isEnded().hasPassed(END_PAID).hasNotPassed(TASK_AWAIT_CONFIRMATION, CALL_REVERSE_INVOICE);
        Map<String, Object> payout = payout(reportId);
        assertThat(payout).containsEntry("payee_type", "INDIVIDUAL").containsEntry("gross_amount", 1_000_000L)
                .containsEntry("income_tax", 30_000L).containsEntry("local_income_tax", 3_000L)
                .containsEntry("payout_amount", 967_000L);
        assertThat(bank.transfers().stream().filter(t -> t.idempotencyKey().equals(payout.get("idempotency_key")))
                .mapToLong(BankSimulator.LedgerEntry::amount).sum()).isEqualTo(967_000L);
    }

    @Test
    void aHolderMismatchGoesToOperationsAndIsPaidOnceAfterTheFix() {
        long reportId = individualReport("이작가", "불일치", "웹툰", 500_000);
        bank.addAccount("088", "110-123-456789", "홍길순"); // the bank knows another holder
        ProcessInstance process = reviewedAndPublished(reportId);
        jobs.executeJobFor(process, TASK_SCHEDULE_PAYOUT);
        jobs.executeJobFor(process, TIMER_PAYOUT_DATE);
        jobs.executeJobFor(process, TASK_VERIFY_HOLDER); // refused
        assertThat(process).isWaitingAt(TASK_HANDLE_PAYOUT_FAILURE);
        assertThat(payout(reportId)).containsEntry("status", "FAILED").containsEntry("bank_response_code", "815");
        assertThat(taskService.getIdentityLinksForTask(task(process).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("operations"));

        bank.addAccount("088", "110-123-456789", "홍길동"); // operations had the account corrected
        complete(process, Map.of(VAR_FAILURE_DECISION, "retry"));
        jobs.executeJobFor(process, TASK_RETRY_PAYOUT); // a new attempt
        jobs.executeJobFor(process, TASK_VERIFY_HOLDER);
        jobs.executeJobFor(process, TASK_TRANSFER);
        assertThat(process).isEnded().hasPassed(TASK_RETRY_PAYOUT, END_PAID);
        Map<String, Object> payout = payout(reportId);
        assertThat(payout.get("idempotency_key")).isEqualTo("STL-" + reportId + "-1");
        assertThat(bank.transferCount("STL-" + reportId + "-1")).isEqualTo(1);
        assertThat(bank.transferCount("STL-" + reportId + "-0")).isZero();
    }

    @Test
    void aLostBankAnswerIsRetriedWithTheSameKeyAndPaysOnce() {
        long reportId = individualReport("박작가", "재시도", "웹툰", 700_000);
        ProcessInstance process = reviewedAndPublished(reportId);
        jobs.executeJobFor(process, TASK_SCHEDULE_PAYOUT);
        jobs.executeJobFor(process, TIMER_PAYOUT_DATE);
        jobs.executeJobFor(process, TASK_VERIFY_HOLDER);
        bank.loseNextAnswers(1);
        Job transfer = jobs.jobFor(process, TASK_TRANSFER);
        assertThatThrownBy(() -> managementService.executeJob(transfer.getId())).hasMessageContaining("answer was lost");
        assertThat(bank.transferCount("STL-" + reportId + "-0")).as("the money moved, the answer was lost").isEqualTo(1);
        assertThat(jobs.jobFor(process, TASK_TRANSFER).getRetries()).isEqualTo(4);
        jobs.executeJobFor(process, TASK_TRANSFER); // the retry asks with the same key: the bank answers with the first result
        assertThat(process).isEnded().hasPassed(END_PAID);
        assertThat(bank.transferCount("STL-" + reportId + "-0")).isEqualTo(1);
        assertThat(payout(reportId)).containsEntry("status", "PAID");
    }

    @Test
    void aLargePayoutNeedsASecondSettlementManager() {
        long reportId = individualReport("최작가", "고액", "웹툰", 20_000_000);
        ProcessInstance process = submitted(reportId);
        Task review = task(process);
        as("manager", () -> {
            taskService.claim(review.getId(), "manager");
            taskService.complete(review.getId(), Map.of(VAR_REVIEW_DECISION, "approve"));
        });
        jobs.executeJobFor(process, TASK_PUBLISH);
        jobs.executeJobFor(process, TASK_SCHEDULE_PAYOUT);
        assertThat(process).isWaitingAt(TASK_APPROVE_PAYOUT);

        // the signed-in user approves, whoever the task is assigned to: the reviewer may not, even as "admin"'s task
        Task approval = task(process);
        as("manager", () -> {
            taskService.setAssignee(approval.getId(), "admin");
            assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of(VAR_PAYOUT_DECISION, "approve")))
                    .hasStackTraceContaining("Four eyes");
        });
        as("manager2", () -> taskService.complete(approval.getId(), Map.of(VAR_PAYOUT_DECISION, "approve")));
        jobs.executeJobFor(process, TASK_RECORD_APPROVAL);
        jobs.executeJobFor(process, TIMER_PAYOUT_DATE);
        jobs.executeJobFor(process, TASK_VERIFY_HOLDER);
        jobs.executeJobFor(process, TASK_TRANSFER);
        assertThat(process).isEnded().hasPassed(TASK_APPROVE_PAYOUT, TASK_RECORD_APPROVAL, END_PAID);
        assertThat(payout(reportId)).containsEntry("approved_by", "manager2").containsEntry("payout_amount", 19_340_000L);
    }

    @Test
    void theDeadlinePassingBecomesAnOperationsTask() {
        long partnerId = new InvoiceFixtures(http).supplierWithCertificate(TestData.newBusinessNumber(), "(주)기한상사");
        long reportId = report(fixtures.group(partnerId, "기한 " + System.nanoTime(), List.of("매체B")), "매체B", 300_000);
        ProcessInstance process = reviewedAndPublished(reportId);
        jobs.executeJobFor(process, TIMER_DEADLINE); // the armed deadline timer fires
        assertThat(process).isWaitingAt(TASK_HANDLE_DEADLINE);
        complete(process, Map.of(VAR_DEADLINE_DECISION, "extend"));
        jobs.executeJobFor(process, TASK_EXTEND_DEADLINE);
        assertThat(process).isWaitingAt(TASK_AWAIT_CONFIRMATION);
        assertThat(jdbc.queryForObject("select deadline from settlement_report where id = ?", LocalDate.class, reportId))
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(3));
        assertThat(jdbc.queryForList("select actor from settlement_report_history where report_id = ? "
                + "and memo like 'deadline extended%'", String.class, reportId))
                .as("the operator who decided, not a group name").containsExactly("operator");

        jobs.executeJobFor(process, TIMER_DEADLINE);
        complete(process, Map.of(VAR_DEADLINE_DECISION, "cancel"));
        jobs.executeJobFor(process, TASK_CANCEL);
        assertThat(process).isEnded().hasPassed(TASK_CANCEL, END_CANCELLED);
        assertThat(status(reportId)).isEqualTo("CANCELLED");
    }

    @Test
    void aPartnerWhoHasNotConfirmedIsRemindedAndStillAsked() {
        long partnerId = new InvoiceFixtures(http).supplierWithCertificate(TestData.newBusinessNumber(), "(주)알림상사");
        long reportId = report(fixtures.group(partnerId, "알림 " + System.nanoTime(), List.of("매체R")), "매체R", 400_000);
        ProcessInstance process = reviewedAndPublished(reportId);
        jobs.executeJobFor(process, TIMER_REMINDER);
        jobs.executeJobFor(process, TASK_SEND_REMINDER);
        assertThat(process).isWaitingAt(TASK_AWAIT_CONFIRMATION).hasPassed(TASK_SEND_REMINDER, END_REMINDER_SENT);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?",
                Integer.class, "settlement-reminder:" + reportId + ":%")).as("the partner was reminded").isPositive();
        assertThat(status(reportId)).isEqualTo("PUBLISHED");
    }

    @Test
    void aReverseInvoiceThePartnerRejectsCancelsTheMonthWithoutAPayout() {
        long partnerId = new InvoiceFixtures(http).supplierWithCertificate(TestData.newBusinessNumber(), "(주)거절상사");
        long reportId = report(fixtures.group(partnerId, "거절 " + System.nanoTime(), List.of("매체J")), "매체J", 250_000);
        ProcessInstance process = reviewedAndPublished(reportId);
        assertThat(confirm(reportId, LocalDate.now(ZoneId.of("Asia/Seoul"))).statusCode()).isEqualTo(200);
        jobs.executeJobFor(process, TASK_REQUEST_INVOICE);
        long invoiceId = jdbc.queryForObject("select invoice_id from settlement_report where id = ?", Long.class, reportId);

        issuance.refuse(invoiceId, partnerId, "금액 확인 필요", TestPki.password(), "supplier");
        assertThat(process).isWaitingAt(TASK_CANCEL);
        jobs.executeJobFor(process, TASK_CANCEL);
        assertThat(process).isEnded().hasPassed(CALL_REVERSE_INVOICE, TASK_CANCEL, END_CANCELLED)
                .hasNotPassed(TASK_SCHEDULE_PAYOUT);
        assertThat(status(reportId)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from settlement_payout where report_id = ?", Integer.class,
                reportId)).as("no payout was planned").isZero();
    }

    @Test
    void aTransferTheBankRefusesAfterTheHolderCheckGoesToOperations() {
        long reportId = individualReport("정작가", "해지", "웹툰", 600_000);
        ProcessInstance process = reviewedAndPublished(reportId);
        jobs.executeJobFor(process, TASK_SCHEDULE_PAYOUT);
        jobs.executeJobFor(process, TIMER_PAYOUT_DATE);
        jobs.executeJobFor(process, TASK_VERIFY_HOLDER);
        bank.setAccountState("088", "110-123-456789", SimulatedAccountState.CLOSED); // closed in between
        try {
            jobs.executeJobFor(process, TASK_TRANSFER);
        } finally {
            bank.setAccountState("088", "110-123-456789", SimulatedAccountState.ACTIVE);
        }
        assertThat(process).isWaitingAt(TASK_HANDLE_PAYOUT_FAILURE).hasPassed(BOUNDARY_TRANSFER_REFUSED);
        assertThat(payout(reportId)).containsEntry("status", "FAILED");
        assertThat(bank.transferCount("STL-" + reportId + "-0")).as("no money moved").isZero();

        complete(process, Map.of(VAR_FAILURE_DECISION, "hold"));
        jobs.executeJobFor(process, TASK_HOLD_PAYOUT);
        assertThat(process).isEnded().hasPassed(TASK_HOLD_PAYOUT, END_ON_HOLD).hasNotPassed(END_PAID);
    }

    @Test
    void theSecondManagerMayHoldALargePayout() {
        long reportId = individualReport("한작가", "보류", "웹툰", 20_000_000);
        ProcessInstance process = submitted(reportId);
        complete(process, Map.of(VAR_REVIEW_DECISION, "approve"));
        jobs.executeJobFor(process, TASK_PUBLISH);
        jobs.executeJobFor(process, TASK_SCHEDULE_PAYOUT);
        Task approval = task(process);
        as("manager2", () -> taskService.complete(approval.getId(), Map.of(VAR_PAYOUT_DECISION, "hold")));
        jobs.executeJobFor(process, TASK_HOLD_PAYOUT);
        assertThat(process).isEnded().hasPassed(TASK_APPROVE_PAYOUT, TASK_HOLD_PAYOUT, END_ON_HOLD)
                .hasNotPassed(TASK_RECORD_APPROVAL, TASK_TRANSFER);
        assertThat(bank.transfers().stream().noneMatch(t -> t.idempotencyKey().startsWith("STL-" + reportId + "-")))
                .as("nothing was transferred").isTrue();
    }

    // --- helpers ---

    private long report(long groupId, Object... mediaAndSupply) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < mediaAndSupply.length; i += 2) {
            long supply = ((Number) mediaAndSupply[i + 1]).longValue();
            lines.append(i == 0 ? "" : ",").append("""
                    {"media":"%s","item":"%s 정산","supplyAmount":%d,"vat":%d,"total":%d}""".formatted(mediaAndSupply[i],
                    MONTH, supply, supply / 10, supply + supply / 10));
        }
        return reportJson(groupId, "{\"lines\":[" + lines + "]}");
    }

    /** An individual partner's group with the payout account, and its report of one fee line (no VAT). */
    private long individualReport(String partnerName, String groupName, String media, long fee) {
        long partnerId = fixtures.individualPartner(partnerName);
        long groupId = fixtures.group(partnerId, groupName + " " + System.nanoTime(), List.of(media));
        return reportJson(groupId, """
                {"lines":[{"media":"%s","item":"%s 원고료","supplyAmount":%d,"vat":0,"total":%d}]}"""
                .formatted(media, MONTH, fee, fee));
    }

    private long reportJson(long groupId, String json) {
        HttpResponse<String> imported = http.putJson("/api/settlement/groups/" + groupId + "/reports/" + MONTH, json,
                "manager", "manager");
        assertThat(imported.statusCode()).as(imported.body()).isIn(200, 201);
        return SettlementFixtures.json(imported).get("id").asLong();
    }

    private ProcessInstance submitted(long reportId) {
        HttpResponse<String> submitted = http.postJson("/api/settlement/reports/" + reportId + "/review-request", "",
                "manager", "manager");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(reportId)).singleResult();
        assertThat(process).isWaitingAt(TASK_REVIEW);
        return process;
    }

    private ProcessInstance reviewedAndPublished(long reportId) {
        ProcessInstance process = submitted(reportId);
        complete(process, Map.of(VAR_REVIEW_DECISION, "approve"));
        jobs.executeJobFor(process, TASK_PUBLISH);
        return process;
    }

    private HttpResponse<String> confirm(long reportId, LocalDate writeDate) {
        return http.postJson("/api/settlement/reports/" + reportId + "/partner-confirmation",
                "{\"writeDate\":\"" + writeDate + "\"}", "manager", "manager");
    }

    private Task task(ProcessInstance process) {
        return taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    /** Completes the waiting task as a member of its candidate group would, signed in to the engine. */
    private void complete(ProcessInstance process, Map<String, Object> variables) {
        Task task = task(process);
        String user = TASK_HANDLE_DEADLINE.equals(task.getTaskDefinitionKey())
                || TASK_HANDLE_PAYOUT_FAILURE.equals(task.getTaskDefinitionKey()) ? "operator" : "manager";
        as(user, () -> taskService.complete(task.getId(), variables));
    }

    private void as(String user, Runnable work) {
        identityService.setAuthentication(user, "operator".equals(user) ? List.of("operations")
                : List.of("settlement-managers"));
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String status(long reportId) {
        return jdbc.queryForObject("select status from settlement_report where id = ?", String.class, reportId);
    }

    private Map<String, Object> payout(long reportId) {
        return jdbc.queryForMap("select * from settlement_payout where report_id = ?", reportId);
    }
}
