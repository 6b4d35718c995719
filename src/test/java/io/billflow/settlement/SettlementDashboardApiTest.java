package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.json;
import static io.billflow.settlement.SettlementProgressFixture.importReport;
import static io.billflow.settlement.SettlementProgressFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.TestHttp;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.ReportStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settlement managers' dashboard and group drill-down: counts per stage, overdue reports and payouts (with the
 * moved clock), money per settlement month, history in the order it happened, access.
 * <p>
 * Months 2021-02 and 2021-03 are this class's own: no other test imports reports for them, so counts are exact.
 */
@BillflowSpringTest
class SettlementDashboardApiTest {

    static final String MONTH = "2021-03";
    static final String PAID_MONTH = "2021-02";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    TestHttp http;
    SettlementFixtures fixtures;
    SettlementProgressFixture progress;

    /** Built once per JVM: the data of the month, by report name. */
    static Map<String, Long> reports;
    static Map<String, Long> groups;
    static long businessPartner;
    static LocalDate builtOn;

    @BeforeEach
    void data() {
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
        progress = new SettlementProgressFixture(jdbc);
        if (reports == null) {
            build();
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * One business partner with ten groups (g1…g10) and one individual (gi), one 2021-03 report each, at every
     * stage; g8 also has a paid 2021-02 report. Amounts: gN = N × 100,000 supply + 10% VAT; gi 1,000,000, no VAT.
     */
    private void build() {
        LocalDate today = LocalDate.now(clock);
        builtOn = today;
        reports = new LinkedHashMap<>();
        groups = new LinkedHashMap<>();
        businessPartner = fixtures.businessPartner("(주)대시보드미디어");
        Map<String, ReportStatus> stages = new LinkedHashMap<>();
        stages.put("g1", ReportStatus.DRAFT);
        stages.put("g2", ReportStatus.IN_REVIEW);
        stages.put("g3", ReportStatus.RETURNED);
        stages.put("g4", ReportStatus.PUBLISHED);
        stages.put("g5", ReportStatus.PUBLISHED);
        stages.put("g6", ReportStatus.SIGNATURE_REQUESTED);
        stages.put("g7", ReportStatus.PAYOUT_PROCESSING);
        stages.put("g8", ReportStatus.PAID);
        stages.put("g9", ReportStatus.ON_HOLD);
        stages.put("g10", ReportStatus.CANCELLED);
        Instant start = Instant.parse("2021-04-01T01:00:00Z");
        int n = 0;
        for (Map.Entry<String, ReportStatus> stage : stages.entrySet()) {
            n++;
            String medium = "대시보드매체" + n;
            long group = fixtures.group(businessPartner, "대시보드 " + stage.getKey(), List.of(medium));
            groups.put(stage.getKey(), group);
            long report = importReport(http, group, MONTH, line(medium, "2021년 3월 정산", n * 100_000L, n * 10_000L));
            reports.put(stage.getKey(), report);
            progress.moveAlong(report, stage.getValue(), start);
        }
        long individual = fixtures.individualPartner("김개인대시보드");
        long gi = fixtures.group(individual, "대시보드 개인", List.of("개인매체"));
        groups.put("gi", gi);
        long ri = importReport(http, gi, MONTH, line("개인매체", "2021년 3월 정산", 1_000_000, 0));
        reports.put("gi", ri);
        progress.moveAlong(ri, ReportStatus.PAID, start);

        progress.deadline(reports.get("g4"), today.plusDays(2));
        progress.deadline(reports.get("g5"), null); // none stored: the group's day 10 of 2021-04, a Saturday → 04-12
        progress.deadline(reports.get("g6"), today.minusDays(1));
        progress.payout(reports.get("g7"), PayeeType.BUSINESS, 770_000, 0, 0, today.plusDays(1), "SCHEDULED", "088",
                "110-***-***789", "홍*동", null);
        progress.payout(reports.get("g8"), PayeeType.BUSINESS, 880_000, 0, 0, LocalDate.of(2021, 4, 15), "PAID", "088",
                "110-***-***789", "홍*동", Instant.parse("2021-04-15T01:00:00Z"));
        progress.payout(ri, PayeeType.INDIVIDUAL, 1_000_000, 30_000, 3_000, LocalDate.of(2021, 4, 15), "PAID", "088",
                "110-***-***789", "홍*동", Instant.parse("2021-04-15T01:00:00Z"));
        progress.payout(reports.get("g9"), PayeeType.BUSINESS, 990_000, 0, 0, today.minusDays(1), "ON_HOLD", "088",
                "110-***-***789", "홍*동", null);

        long paidBefore = importReport(http, groups.get("g8"), PAID_MONTH, line("대시보드매체8", "2021년 2월 정산", 10_000, 1_000));
        reports.put("g8-feb", paidBefore);
        progress.moveAlong(paidBefore, ReportStatus.PAID, Instant.parse("2021-03-01T01:00:00Z"));
        progress.payout(paidBefore, PayeeType.BUSINESS, 11_000, 0, 0, LocalDate.of(2021, 3, 15), "PAID", "088",
                "110-***-***789", "홍*동", Instant.parse("2021-03-15T01:00:00Z"));
    }

    @Test
    void countsEveryStageOfTheMonth() {
        JsonNode dashboard = dashboard("?month=" + MONTH, "manager");

        assertThat(dashboard.get("month").asText()).isEqualTo(MONTH);
        assertThat(dashboard.get("months")).extracting(JsonNode::asText).containsExactly(MONTH);
        Map<String, Long> counts = new LinkedHashMap<>();
        dashboard.get("stages").forEach(s -> counts.put(s.get("status").asText(), s.get("count").asLong()));
        assertThat(counts).containsExactly(Map.entry("DRAFT", 1L), Map.entry("IN_REVIEW", 1L),
                Map.entry("RETURNED", 1L), Map.entry("PUBLISHED", 2L), Map.entry("SIGNATURE_REQUESTED", 1L),
                Map.entry("PAYOUT_PROCESSING", 1L), Map.entry("PAID", 2L), Map.entry("ON_HOLD", 1L),
                Map.entry("CANCELLED", 1L));
        assertThat(dashboard.get("reportCount").asLong()).isEqualTo(11);
        assertThat(labels(dashboard)).contains("01 세금계산서 역발행요청", "02 세금계산서 서명요청", "03 지급 처리중", "04 지급 완료");
    }

    @Test
    void totalsPerMonthLeaveCancelledOutAndCountPaidAndWithheldOfPaidPayouts() {
        JsonNode totals = dashboard("?month=" + MONTH, "manager").get("totals");

        assertThat(totals).hasSize(1);
        JsonNode march = totals.get(0);
        assertThat(march.get("month").asText()).isEqualTo(MONTH);
        assertThat(march.get("reports").asLong()).as("11 reports, the cancelled one left out").isEqualTo(10);
        assertThat(march.get("supply").asLong()).as("(1+…+9) × 100,000 + 1,000,000").isEqualTo(5_500_000);
        assertThat(march.get("vat").asLong()).as("(1+…+9) × 10,000; the individual has none").isEqualTo(450_000);
        assertThat(march.get("total").asLong()).isEqualTo(5_950_000);
        assertThat(march.get("paid").asLong()).as("g8 880,000 + the individual's 967,000").isEqualTo(1_847_000);
        assertThat(march.get("incomeTax").asLong()).isEqualTo(30_000);
        assertThat(march.get("localIncomeTax").asLong()).isEqualTo(3_000);
        assertThat(march.get("withheld").asLong()).isEqualTo(33_000);
    }

    @Test
    void overdueReportsAndPayoutsFollowTheMovedClock() {
        LocalDate today = LocalDate.now(clock);
        JsonNode now = dashboard("?month=" + MONTH, "manager");
        assertThat(LocalDate.parse(now.get("today").asText())).isEqualTo(today);
        assertThat(ids(now.get("overdueReports"))).as("g5: computed deadline 2021-04-12; g6: yesterday")
                .containsExactly(reports.get("g5"), reports.get("g6"));
        JsonNode g5 = now.get("overdueReports").get(0);
        assertThat(g5.get("deadline").asText()).isEqualTo("2021-04-12");
        assertThat(g5.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(g5.get("stage").asText()).isEqualTo("01 세금계산서 역발행요청");
        assertThat(g5.get("groupId").asLong()).isEqualTo(groups.get("g5"));
        assertThat(g5.get("partnerName").asText()).isEqualTo("(주)대시보드미디어");
        assertThat(now.get("overdueReports").get(1).get("daysOverdue").asLong()).isEqualTo(1);
        assertThat(ids(now.get("overduePayouts"))).as("g9 on hold since yesterday; g8 is paid, g7 due tomorrow")
                .containsExactly(reports.get("g9"));

        clock.advance(Duration.ofDays(3));

        JsonNode later = dashboard("?month=" + MONTH, "manager");
        assertThat(LocalDate.parse(later.get("today").asText())).isEqualTo(today.plusDays(3));
        assertThat(ids(later.get("overdueReports"))).as("g4's deadline (today + 2) has passed too")
                .containsExactly(reports.get("g5"), reports.get("g6"), reports.get("g4"));
        assertThat(later.get("overdueReports").get(2).get("daysOverdue").asLong()).isEqualTo(1);
        assertThat(later.get("overdueReports").get(1).get("daysOverdue").asLong()).isEqualTo(4);
        assertThat(ids(later.get("overduePayouts"))).containsExactly(reports.get("g9"), reports.get("g7"));
        JsonNode g7 = later.get("overduePayouts").get(1);
        assertThat(g7.get("payoutStatus").asText()).isEqualTo("SCHEDULED");
        assertThat(g7.get("daysOverdue").asLong()).isEqualTo(2);
        assertThat(g7.get("payoutAmount").asLong()).isEqualTo(770_000);
    }

    @Test
    void withoutAMonthTheDashboardCoversEveryOpenMonth() {
        JsonNode open = dashboard("", "manager");

        assertThat(open.hasNonNull("month")).isFalse();
        List<String> months = new ArrayList<>();
        open.get("months").forEach(m -> months.add(m.asText()));
        assertThat(months).as("2021-03 has unfinished reports; every 2021-02 report is paid")
                .contains(MONTH).doesNotContain(PAID_MONTH);
        assertThat(ids(open.get("overdueReports"))).contains(reports.get("g5"), reports.get("g6"));
        assertThat(open.get("totals")).anySatisfy(t -> assertThat(t.get("month").asText()).isEqualTo(MONTH))
                .noneSatisfy(t -> assertThat(t.get("month").asText()).isEqualTo(PAID_MONTH));

        JsonNode february = dashboard("?month=" + PAID_MONTH, "operator");
        assertThat(february.get("stages")).anySatisfy(s -> {
            assertThat(s.get("status").asText()).isEqualTo("PAID");
            assertThat(s.get("count").asLong()).isEqualTo(1);
        });
        assertThat(february.get("totals").get(0).get("paid").asLong()).isEqualTo(11_000);
    }

    @Test
    void theDrillDownListsReportsNewestFirstWithPayoutAndHistoryInTheOrderItHappened() {
        long group = groups.get("g8");
        long march = reports.get("g8");
        // written out of order on purpose: a late correction memo for an earlier moment
        progress.history(march, Instant.parse("2021-04-01T01:30:00Z"), "reviewer", "IN_REVIEW", "IN_REVIEW",
                "검토 메모: 금액 확인");

        HttpResponse<String> response = http.getBasic("/api/settlement/groups/" + group + "/overview", "manager", "manager");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode overview = json(response);
        assertThat(overview.get("name").asText()).isEqualTo("대시보드 g8");
        assertThat(overview.get("partnerName").asText()).isEqualTo("(주)대시보드미디어");
        assertThat(overview.get("payoutAccount").get("accountNumber").asText()).isEqualTo("110-***-***789");
        assertThat(overview.get("payoutAccount").get("holderName").asText()).isEqualTo("홍*동");
        assertThat(overview.get("payoutAccount").get("bankName").asText()).isEqualTo("신한은행");
        assertThat(response.body()).doesNotContain("110-123-456789").doesNotContain("홍길동");

        assertThat(overview.get("reports")).extracting(r -> r.get("month").asText()).containsExactly(MONTH, PAID_MONTH);
        JsonNode report = overview.get("reports").get(0);
        assertThat(report.get("id").asLong()).isEqualTo(march);
        assertThat(report.get("status").asText()).isEqualTo("PAID");
        assertThat(report.get("stage").asText()).isEqualTo("04 지급 완료");
        assertThat(report.get("totalAmount").asLong()).isEqualTo(880_000);
        assertThat(report.get("payout").get("status").asText()).isEqualTo("PAID");
        assertThat(report.get("payout").get("paidDate").asText()).isEqualTo("2021-04-15");
        assertThat(report.get("payout").get("payoutAmount").asLong()).isEqualTo(880_000);

        List<String> steps = new ArrayList<>();
        report.get("history").forEach(h -> steps.add(h.get("fromStatus").asText("-") + "→" + h.get("toStatus").asText()
                + "@" + h.get("occurredAt").asText()));
        assertThat(steps).containsExactly(
                "DRAFT→IN_REVIEW@2021-04-01T01:00:00Z",
                "IN_REVIEW→IN_REVIEW@2021-04-01T01:30:00Z",
                "IN_REVIEW→PUBLISHED@2021-04-01T02:00:00Z",
                "PUBLISHED→SIGNATURE_REQUESTED@2021-04-01T03:00:00Z",
                "SIGNATURE_REQUESTED→PAYOUT_PROCESSING@2021-04-01T04:00:00Z",
                "PAYOUT_PROCESSING→PAID@2021-04-01T05:00:00Z");
        assertThat(report.get("history").get(1).get("actor").asText()).isEqualTo("reviewer");
        assertThat(report.get("history").get(1).get("memo").asText()).isEqualTo("검토 메모: 금액 확인");
        assertThat(report.get("history").get(4).get("toStage").asText()).isEqualTo("03 지급 처리중");

        assertThat(http.getBasic("/api/settlement/groups/987654321/overview", "manager", "manager").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theDashboardPageShowsStagesOverdueAndTotalsWithoutScript() {
        HttpResponse<String> page = http.getBasic("/settlement/dashboard?month=" + MONTH, "manager", "manager");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<html lang=\"ko\">", "정산 현황", "단계별 정산리포트", "<th scope=\"col\">단계</th>",
                "01 세금계산서 역발행요청", "04 지급 완료", "마감일이 지난 정산리포트", "지급 예정일이 지났으나",
                "5,950,000원", "1,847,000원", "33,000원", "/settlement/groups/" + groups.get("g5"),
                "/settlement/reports/" + reports.get("g5") + "/statement")
                .doesNotContain("<script");
        assertThat(http.getBasic("/settlement/dashboard?month=2021-3", "manager", "manager").body())
                .as("a bad month is said on the page, not a stack trace").contains("yyyy-MM");
        assertThat(http.getBasic("/settlement/dashboard?month=" + MONTH + "&status=PUBLISHED", "manager", "manager").body())
                .contains("대시보드 g4<", "대시보드 g5<").doesNotContain("대시보드 g1<");

        String group = http.getBasic("/settlement/groups/" + groups.get("g8"), "operator", "operator").body();
        assertThat(group).contains("정산그룹", "대시보드 g8", "110-***-***789", "홍*동", "처리 이력", "2021년 3월",
                "2021년 2월", "04 지급 완료").doesNotContain("110-123-456789");
        assertThat(group.indexOf("2021-04-01 10:00")).as("history oldest first (KST)").isPositive()
                .isLessThan(group.indexOf("2021-04-01 14:00"));
    }

    @Test
    void aBadMonthIsA400NamingIt() {
        HttpResponse<String> bad = http.getBasic("/api/settlement/dashboard?month=2021-3", "manager", "manager");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(SettlementFixtures.fields(bad)).containsExactly("month");
    }

    @Test
    void onlySettlementManagersAdminsAndOperationsSeeIt() {
        HttpResponse<String> anonymous = http.get("/api/settlement/dashboard");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.get("/api/settlement/groups/" + groups.get("g1") + "/overview").statusCode()).isEqualTo(401);
        HttpResponse<String> page = http.get("/settlement/dashboard");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(http.get("/settlement/groups/" + groups.get("g1")).statusCode()).isEqualTo(302);

        HttpResponse<String> wrongGroup = http.getBasic("/api/settlement/dashboard", "api-client", "api-client");
        assertThat(wrongGroup.statusCode()).isEqualTo(403);
        assertThat(wrongGroup.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.getBasic("/api/settlement/groups/" + groups.get("g1") + "/overview", "api-client", "api-client")
                .statusCode()).isEqualTo(403);
        assertThat(http.getBasic("/settlement/dashboard", "api-client", "api-client").statusCode()).isEqualTo(403);
        assertThat(http.getBasic("/settlement/groups/" + groups.get("g1"), "api-client", "api-client").statusCode())
                .isEqualTo(403);

        for (String user : List.of("manager", "admin", "operator")) {
            assertThat(http.getBasic("/api/settlement/dashboard", user, user).statusCode()).as(user).isEqualTo(200);
            assertThat(http.getBasic("/settlement/dashboard", user, user).statusCode()).as(user).isEqualTo(200);
        }

        TestHttp browser = new TestHttp(port);
        browser.login("manager", "manager");
        assertThat(browser.get("/settlement/dashboard").statusCode()).as("signed in through the login page")
                .isEqualTo(200);
    }

    @Test
    void theLandingPageLinksToTheDashboard() {
        assertThat(http.get("/").body()).contains("href=\"/settlement/dashboard\"", "정산 현황");
    }

    private JsonNode dashboard(String query, String user) {
        HttpResponse<String> response = http.getBasic("/api/settlement/dashboard" + query, user, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("reportId").asLong()));
        return ids;
    }

    private static List<String> labels(JsonNode dashboard) {
        List<String> labels = new ArrayList<>();
        dashboard.get("stages").forEach(s -> labels.add(s.get("label").asText()));
        return labels;
    }
}
