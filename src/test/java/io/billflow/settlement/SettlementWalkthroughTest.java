package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.billflow.BillflowSpringTest;
import io.billflow.SupplierBrowser;
import io.billflow.TestHttp;
import io.billflow.notification.application.MailOutboxWorker;
import io.billflow.settlement.adapter.simulator.BankSimulator;
import io.billflow.workflow.BpmnIds.Settlement;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's settlement walkthrough on the demo data, over HTTP as a settlement manager, the partners and
 * operations would click it: demo month → review requests → Tasklist approvals (Camunda REST, as Tasklist calls
 * it) → publication → a partner confirms in the portal with the SMS code → the partners sign their reverse
 * invoices → the nightly batch → payout day → four eyes for the large payout, a closed account for operations →
 * the dashboard. (The job executor is off in tests, so the jobs are executed here one by one.)
 */
@BillflowSpringTest
class SettlementWalkthroughTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.icegreen.greenmail.util.GreenMail greenMail;

    private io.billflow.Inbox inbox() {
        return new io.billflow.Inbox(greenMail, jdbc, mailWorker);
    }

    /** The simulated carrier: where the one-time codes arrive. */
    @Autowired
    TextMessagingSimulator phone;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    MailOutboxWorker mailWorker;

    @Autowired
    BankSimulator bank;

    TestHttp staff;
    SettlementDriver driver;

    @Test
    void aMonthOfSettlementOnTheDemoData() {
        staff = new TestHttp(port);
        driver = new SettlementDriver(staff, jdbc, managementService, runtimeService);
        // 0. the demo month, made twice: the same partners, groups and reports
        JsonNode demo = seed();
        assertThat(seed()).isEqualTo(demo);
        Map<String, JsonNode> reports = new HashMap<>();
        demo.get("reports").forEach(r -> reports.put(r.get("groupName").asText(), r));
        assertThat(reports).containsOnlyKeys("카카오웹툰 배너", "다음 뉴스 제휴", "다음 검색광고", "웹소설 원고료", "웹툰 원고료");
        assertThat(reports.values()).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("DRAFT"));
        assertThat(reports.get("카카오웹툰 배너").get("totalAmount").asLong()).isEqualTo(5_500_000L);
        assertThat(reports.get("다음 검색광고").get("totalAmount").asLong()).isEqualTo(12_210_000L);
        long webtoon = reportId(reports, "카카오웹툰 배너");
        long news = reportId(reports, "다음 뉴스 제휴");
        long search = reportId(reports, "다음 검색광고");
        long novel = reportId(reports, "웹소설 원고료");
        long closed = reportId(reports, "웹툰 원고료");
        List<Long> all = List.of(webtoon, news, search, novel, closed);

        // 1. review requests, 2. Tasklist: 정산리포트 검토 → 승인 (claimed by manager: the reviewer), publication
        for (long report : all) {
            driver.requestReview(report);
            driver.completeTask(report, Settlement.TASK_REVIEW, "manager", "reviewDecision", "approve");
            driver.runJobs(report);
        }
        assertThat(driver.status(webtoon)).isEqualTo("PUBLISHED");
        assertThat(driver.status(novel)).as("individuals skip the invoice: payout scheduled").isEqualTo("PAYOUT_PROCESSING");

        // 3. 한빛콘텐츠 confirms in the portal: the notice's link, its business number, the SMS code
        JsonNode hanbit = reports.get("카카오웹툰 배너");
        TestHttp partner = SettlementPortalVisit.signsInFromTheNotice(port, inbox(), webtoon, hanbit.get("corpNum").asText());
        String page = partner.get("/portal/settlements/" + webtoon).body();
        assertThat(page).contains("카카오웹툰 메인배너", "전월 과다청구 차감", "5,500,000원", "(주)빌플로우미디어");
        LocalDate today = LocalDate.now(SEOUL);
        postForm(partner, "/portal/settlements/" + webtoon + "/code", today, null);
        postForm(partner, "/portal/settlements/" + webtoon + "/confirm", today, SettlementPortalVisit.latestConfirmationCode(jdbc, phone, webtoon));
        assertThat(partner.get("/portal/settlements/" + webtoon).body()).contains("세금계산서를 준비 중입니다");
        // staff confirm the other two businesses' reports on their behalf (their contact phoned)
        driver.confirmForThePartner(news, today);
        driver.confirmForThePartner(search, today);
        List.of(webtoon, news, search).forEach(driver::runJobs);
        assertThat(List.of(webtoon, news, search)).allSatisfy(r -> assertThat(driver.status(r)).isEqualTo("SIGNATURE_REQUESTED"));

        // 4. the partners sign: a TEST certificate registered once, then 승인 on each invoice
        SupplierBrowser hanbitSigner = SupplierBrowser.signedIn(partner)
                .registersTestCertificate(staff, hanbit.get("partnerId").asLong());
        assertThat(hanbitSigner.approves(driver.invoiceOf(webtoon))).contains("발급");
        hanbitSigner.approves(driver.invoiceOf(news));
        JsonNode daon = reports.get("다음 검색광고");
        SupplierBrowser.fromIssueRequestMail(port, "STL-" + search, daon.get("corpNum").asText(),
                        () -> mailWorker.deliverBatch(50))
                .registersTestCertificate(staff, daon.get("partnerId").asLong()).approves(driver.invoiceOf(search));
        List.of(webtoon, news, search).forEach(driver::runJobs);
        assertThat(jdbc.queryForList("select state_code from tax_invoice where id in (?, ?, ?)", Integer.class,
                driver.invoiceOf(webtoon), driver.invoiceOf(news), driver.invoiceOf(search))).containsOnly(300);

        // 5. the nightly batch, now: 304, and the settlement moves on to its payout day
        driver.runNightlyBatch();
        List.of(webtoon, news, search).forEach(driver::runJobs);
        assertThat(List.of(webtoon, news, search)).allSatisfy(r -> assertThat(driver.status(r)).isEqualTo("PAYOUT_PROCESSING"));

        // 6. the payout day, brought forward (as README shows with /engine-rest)
        for (long report : all) {
            driver.payoutDayIsNow(report);
            driver.runJobs(report);
        }
        assertThat(List.of(webtoon, news, novel)).allSatisfy(r -> assertThat(driver.status(r)).isEqualTo("PAID"));
        assertThat(bank.transferCount(idempotencyKey(novel))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select income_tax + local_income_tax from settlement_payout where report_id = ?",
                Long.class, novel)).as("3% + 0.3%, each truncated to 10 won").isEqualTo(37_030L + 3_700L);

        // 7. four eyes: the reviewer may not approve the 12,210,000 won payout; manager2 may
        HttpResponse<String> sameEyes = driver.submitTask(search, Settlement.TASK_APPROVE_PAYOUT, "manager", "payoutDecision",
                "approve");
        assertThat(sameEyes.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(sameEyes.body()).contains("Four eyes");
        driver.completeTask(search, Settlement.TASK_APPROVE_PAYOUT, "manager2", "payoutDecision", "approve");
        driver.runJobs(search);
        driver.payoutDayIsNow(search);
        driver.runJobs(search);
        assertThat(driver.status(search)).isEqualTo("PAID");

        // 8. the closed account: 지급 실패 처리 for operations, who hold it until the partner gives a new account
        assertThat(driver.openTask(closed, Settlement.TASK_HANDLE_PAYOUT_FAILURE, "operator")).isNotNull();
        assertThat(jdbc.queryForList("select text_body from notification_message where dedup_key like ? and channel = "
                + "'EMAIL'", String.class, "payout-failed:" + closed + ":%")).singleElement().asString()
                .as("the partner's own link and whom to call to change the account")
                .contains("/portal/access/", "02-1234-5678", "운영팀");
        driver.completeTask(closed, Settlement.TASK_HANDLE_PAYOUT_FAILURE, "operator", "payoutFailureDecision", "hold");
        driver.runJobs(closed);
        assertThat(driver.status(closed)).isEqualTo("ON_HOLD");

        // 9. the dashboard of the month
        JsonNode dashboard = SettlementFixtures.json(staff.getBasic("/api/settlement/dashboard?month="
                + demo.get("month").asText(), "manager", "manager"));
        Map<String, Integer> stages = new HashMap<>();
        dashboard.get("stages").forEach(s -> stages.put(s.get("status").asText(), s.get("count").asInt()));
        assertThat(stages.get("PAID")).isGreaterThanOrEqualTo(4);
        assertThat(stages.get("ON_HOLD")).isGreaterThanOrEqualTo(1);
        assertThat(staff.getBasic("/settlement/reports/" + novel + "/statement", "manager", "manager").body())
                .contains("소득세", "지방소득세", "1,193,837");
    }

    private JsonNode seed() {
        HttpResponse<String> seeded = staff.postJson("/dev/demo/settlement", "", "manager", "manager");
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
        return SettlementFixtures.json(seeded);
    }

    private static long reportId(Map<String, JsonNode> reports, String group) {
        return reports.get(group).get("reportId").asLong();
    }







    private void postForm(TestHttp browser, String action, LocalDate writeDate, String code) {
        String detail = browser.get(action.substring(0, action.lastIndexOf('/'))).body();
        HttpResponse<String> posted = browser.postForm(action, "_csrf=" + URLEncoder.encode(TestHttp.csrfOf(detail),
                StandardCharsets.UTF_8) + "&dataChecked=true&writeDate=" + writeDate + (code == null ? "" : "&code=" + code));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    }




    private String idempotencyKey(long reportId) {
        return jdbc.queryForObject("select idempotency_key from settlement_payout where report_id = ?", String.class,
                reportId);
    }

}
