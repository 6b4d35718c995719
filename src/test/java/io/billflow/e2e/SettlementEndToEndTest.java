package io.billflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;

import io.billflow.TestHttp;
import io.billflow.settlement.adapter.simulator.BankSimulator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A month's settlement for an individual partner with the real job executor, through the REST API and
 * Camunda's REST API as a settlement manager would: import, review in Tasklist, publication, payout on
 * the scheduled day (the timer is brought forward the way an operator would in Cockpit), bank simulator.
 */
@BillflowEndToEndTest
class SettlementEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService managementService;

    @Autowired
    BankSimulator bank;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Test
    void importReviewPublishPayWithWithholding() {
        TestHttp http = new TestHttp(port);
        bank.addAccount("004", "123401-04-567890", "홍길동");
        HttpResponse<String> partner = http.postJson("/api/partners", """
                {"partnerType":"INDIVIDUAL","corpName":"홍길동","contact":{"email":"writer+%d@example.com"}}"""
                .formatted(System.nanoTime()), "operator", "operator");
        long partnerId = id(partner);
        long groupId = id(http.postJson("/api/settlement/groups", """
                {"partnerId":%d,"name":"웹소설 원고료","media":["웹소설"],
                 "contacts":[{"name":"홍길동","email":"writer+%d@example.com","mobile":"010-3456-7890"}],
                 "verificationMobile":"010-3456-7890",
                 "payoutAccount":{"bankCode":"004","accountNumber":"123401-04-567890","holderName":"홍길동"}}"""
                .formatted(partnerId, partnerId), "manager", "manager"));
        String month = YearMonth.now(ZoneId.of("Asia/Seoul")).minusMonths(1).toString();
        long reportId = id(http.putJson("/api/settlement/groups/" + groupId + "/reports/" + month, """
                {"lines":[{"media":"웹소설","item":"%s 원고료","supplyAmount":1234567,"vat":0,"total":1234567}]}"""
                .formatted(month), "manager", "manager"));

        assertThat(http.postJson("/api/settlement/reports/" + reportId + "/review-request", "", "manager", "manager")
                .statusCode()).isEqualTo(200);
        String[] taskId = new String[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            String tasks = http.getBasic("/engine-rest/task?processInstanceBusinessKey=" + reportId, "manager", "manager").body();
            assertThat(tasks).contains("Task_ReviewReport");
            taskId[0] = tasks.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        });
        HttpResponse<String> reviewed = http.postJson("/engine-rest/task/" + taskId[0] + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"approve\"}}}", "manager", "manager");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);

        // published, then the payout is scheduled for the next business day at 09:00: bring it forward
        Job[] payoutDay = new Job[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            var process = runtimeService.createProcessInstanceQuery().processDefinitionKey("settlementProcess")
                    .processInstanceBusinessKey(String.valueOf(reportId)).singleResult();
            payoutDay[0] = process == null ? null
                    : managementService.createJobQuery().timers().processInstanceId(process.getId()).singleResult();
            assertThat(payoutDay[0]).isNotNull();
        });
        assertThat(status(reportId)).isEqualTo("PAYOUT_PROCESSING");
        managementService.setJobDuedate(payoutDay[0].getId(), new java.util.Date());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(reportId)).isEqualTo("PAID"));
        String key = jdbc.queryForObject("select idempotency_key from settlement_payout where report_id = ?", String.class,
                reportId);
        assertThat(bank.transferCount(key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select payout_amount + income_tax + local_income_tax from settlement_payout "
                + "where report_id = ?", Long.class, reportId)).as("every won accounted for").isEqualTo(1_234_567L);
        assertThat(jdbc.queryForObject("select income_tax from settlement_payout where report_id = ?", Long.class, reportId))
                .isEqualTo(37_030L);
    }

    private static long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private String status(long reportId) {
        return jdbc.queryForObject("select status from settlement_report where id = ?", String.class, reportId);
    }
}
