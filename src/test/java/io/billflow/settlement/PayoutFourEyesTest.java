package io.billflow.settlement;

import static io.billflow.workflow.BpmnIds.Settlement.TASK_APPROVE_PAYOUT;
import static io.billflow.workflow.BpmnIds.Settlement.TASK_REVIEW;
import static io.billflow.workflow.BpmnIds.Settlement.VAR_PAYOUT_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.settlement.adapter.simulator.BankSimulator;
import io.billflow.workflow.duty.TaskRefusals;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four eyes on a large payout, held against the signed-in user on every path (issue #13, 2): {@code manager} reviewed
 * and published the report; his approval is refused over {@code /engine-rest}, Tasklist and {@code /api}, whether the
 * task is unassigned or assigned to {@code manager2}; nobody unauthenticated passes; {@code manager2} approves and is
 * the one recorded. Each refusal is a 403 problem, changes nothing, and is audited.
 */
@BillflowSpringTest
class PayoutFourEyesTest {

    static final String MONTH = YearMonth.now(ZoneId.of("Asia/Seoul")).minusMonths(1).toString();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BankSimulator bank;

    TestHttp http;
    SettlementFixtures fixtures;
    SettlementDriver driver;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
        fixtures.settlementBuyer();
        driver = new SettlementDriver(http, jdbc, managementService, runtimeService);
        bank.addAccount("088", "110-123-456789", "홍길동");
        bank.setTransientFailureRate(0);
        bank.setLostAnswerRate(0);
    }

    @Test
    void theReviewerCannotCompleteTheUnassignedApprovalThroughEngineRest() {
        long reportId = reviewedByManagerAndAwaitingApproval();
        String taskId = approvalTask(reportId).getId();
        long audited = refusalsAudited("manager", reportId);

        HttpResponse<String> completed = http.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"payoutDecision\":{\"value\":\"approve\"}}}", "manager", "manager");
        assertRefusedProblem(completed);
        // no decision at all takes the gateway's default, the approval: refused the same
        assertRefusedProblem(http.postJson("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{}}",
                "manager", "manager"));

        assertNothingChanged(reportId, taskId);
        assertThat(refusalsAudited("manager", reportId)).isEqualTo(audited + 2);
    }

    @Test
    void assigningTheTaskToSomeoneElseDoesNotMakeTheReviewerThatPerson() {
        long reportId = reviewedByManagerAndAwaitingApproval();
        String taskId = approvalTask(reportId).getId();
        HttpResponse<String> assigned = http.postJson("/engine-rest/task/" + taskId + "/assignee",
                "{\"userId\":\"manager2\"}", "manager", "manager");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);

        assertRefusedProblem(http.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"payoutDecision\":{\"value\":\"approve\"}}}", "manager", "manager"));

        assertNothingChanged(reportId, taskId);
        assertThat(approvalTask(reportId).getAssignee()).isEqualTo("manager2");
    }

    @Test
    void theSecondManagerApprovesAndIsTheOneRecorded() {
        long reportId = reviewedByManagerAndAwaitingApproval();
        driver.completeTask(reportId, TASK_APPROVE_PAYOUT, "manager2", "payoutDecision", "approve");
        driver.runJobs(reportId);

        assertThat(jdbc.queryForObject("select approved_by from settlement_payout where report_id = ?", String.class,
                reportId)).isEqualTo("manager2");
        assertThat(jdbc.queryForList("select decided_by || ':' || decision from settlement_task_decision "
                + "where report_id = ? order by id", String.class, reportId))
                .containsExactly("manager:approve", "manager2:approve");
    }

    @Test
    void nobodyUnauthenticatedPasses() {
        long reportId = reviewedByManagerAndAwaitingApproval();
        String taskId = approvalTask(reportId).getId();

        HttpResponse<String> anonymous = http.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"payoutDecision\":{\"value\":\"approve\"}}}", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/settlement/reports/" + reportId + "/payout-decision", "{\"decision\":\"approve\"}",
                null, null).statusCode()).isEqualTo(401);
        // inside the application, a call that names nobody is refused like a rule
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of(VAR_PAYOUT_DECISION, "approve")))
                .satisfies(e -> assertThat(TaskRefusals.in(e)).hasValueSatisfying(
                        refusal -> assertThat(refusal.rule()).isEqualTo("UNAUTHENTICATED")));

        assertNothingChanged(reportId, taskId);
    }

    @Test
    void tasklistRefusesTheReviewerWithAProblem() {
        long reportId = reviewedByManagerAndAwaitingApproval();
        String taskId = approvalTask(reportId).getId();
        TestHttp browser = new TestHttp(port);
        assertThat(browser.login("manager", "manager").statusCode()).isEqualTo(302);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        HttpResponse<String> submitted = browser.postCamundaJson(
                "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                "{\"variables\":{\"payoutDecision\":{\"value\":\"approve\",\"type\":\"String\"}}}");
        assertRefusedProblem(submitted);
        assertNothingChanged(reportId, taskId);
    }

    @Test
    void theApiHoldsTheSameRule() {
        long reportId = reviewedByManagerAndAwaitingApproval();
        String taskId = approvalTask(reportId).getId();

        assertRefusedProblem(http.postJson("/api/settlement/reports/" + reportId + "/payout-decision",
                "{\"decision\":\"approve\"}", "manager", "manager"));
        assertThat(http.postJson("/api/settlement/reports/" + reportId + "/payout-decision",
                "{\"decision\":\"approve\"}", "api-client", "api-client").statusCode()).isEqualTo(403);
        assertNothingChanged(reportId, taskId);

        HttpResponse<String> approved = http.postJson("/api/settlement/reports/" + reportId + "/payout-decision",
                "{\"decision\":\"approve\"}", "manager2", "manager2");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        driver.runJobs(reportId);
        assertThat(jdbc.queryForObject("select approved_by from settlement_payout where report_id = ?", String.class,
                reportId)).isEqualTo("manager2");
    }

    // --- helpers ---

    /** 20,000,000 won to an individual (above the threshold): manager reviews and publishes it. */
    private long reviewedByManagerAndAwaitingApproval() {
        long partnerId = fixtures.individualPartner("사인작가");
        long groupId = fixtures.group(partnerId, "사인 " + System.nanoTime(), List.of("웹툰"));
        HttpResponse<String> imported = http.putJson("/api/settlement/groups/" + groupId + "/reports/" + MONTH, """
                {"lines":[{"media":"웹툰","item":"%s 원고료","supplyAmount":20000000,"vat":0,"total":20000000}]}"""
                .formatted(MONTH), "manager", "manager");
        assertThat(imported.statusCode()).as(imported.body()).isIn(200, 201);
        long reportId = SettlementFixtures.json(imported).get("id").asLong();
        driver.requestReview(reportId);
        driver.completeTask(reportId, TASK_REVIEW, "manager", "reviewDecision", "approve");
        driver.runJobs(reportId);
        assertThat(approvalTask(reportId)).as("waiting for the second pair of eyes: " + driver.whereItWaits(reportId))
                .isNotNull();
        return reportId;
    }

    private Task approvalTask(long reportId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(reportId))
                .taskDefinitionKey(TASK_APPROVE_PAYOUT).singleResult();
    }

    private static void assertRefusedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Four eyes").contains("FOUR_EYES").doesNotContain("ENGINE-")
                .doesNotContain("Exception");
    }

    private void assertNothingChanged(long reportId, String taskId) {
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the approval task is still open").isOne();
        assertThat(jdbc.queryForMap("select status, approved_by from settlement_payout where report_id = ?", reportId))
                .containsEntry("status", "SCHEDULED").containsEntry("approved_by", null);
        assertThat(jdbc.queryForObject("select count(*) from settlement_task_decision where report_id = ? "
                + "and task = 'PAYOUT_APPROVAL'", Integer.class, reportId)).isZero();
    }

    private long refusalsAudited(String actor, long reportId) {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'TASK_REFUSED' and actor = ? "
                + "and subject_type = 'settlement_report' and subject_id = ?", Long.class, actor, String.valueOf(reportId));
    }
}
