package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.workflow.BpmnIds.Settlement;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partner's side of the monthly settlement, clicked through as a browser would: the publication notice's
 * link and the business number, the list and the report (own reports only), the preview of the reverse
 * invoice, the write date, the one-time code to the group's verification mobile, and the process moving on.
 */
@BillflowSpringTest
class SettlementPortalTest {

    static final String BUYER_CORP_NUM = "2208162517";
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.icegreen.greenmail.util.GreenMail greenMail;

    @Autowired
    io.billflow.notification.application.MailOutboxWorker mailWorker;

    private io.billflow.Inbox inbox() {
        return new io.billflow.Inbox(greenMail, jdbc, mailWorker);
    }

    /** The simulated carrier: where the one-time codes arrive. */
    @Autowired
    TextMessagingSimulator phone;

    @Autowired
    TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    MovableClock clock;

    TestHttp staff;
    SettlementFixtures fixtures;

    @BeforeEach
    void setUp() {
        staff = new TestHttp(port);
        fixtures = new SettlementFixtures(staff);
        fixtures.settlementBuyer();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void thePartnerSeesItsOwnReportsOnlyWithThePreviewOfTheReverseInvoice() {
        Partner partner = linkedPartner("(주)정산포털");
        long report = publishedReport(partner, "상생RS>뉴스", List.of("다음스포츠", "다음연예"));
        long draft = importedReport(fixtures.group(partner.id(), "상생RS>1boon", List.of("영화매거진")));
        Partner other = linkedPartner("(주)다른회사");
        long othersReport = publishedReport(other, "남의그룹", List.of("남의매체"));

        TestHttp browser = SettlementPortalVisit.signsInFromTheNotice(port, inbox(), report, partner.corpNum());
        HttpResponse<String> list = browser.get("/portal/settlements");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("상생RS&gt;뉴스", "01 세금계산서 역발행요청", "5,467,000원",
                "/portal/settlements/" + report + "\"").doesNotContain("남의그룹", "/portal/settlements/" + othersReport + "\"",
                "/portal/settlements/" + draft + "\"");

        HttpResponse<String> detail = browser.get("/portal/settlements/" + report);
        assertThat(detail.statusCode()).isEqualTo(200);
        String page = detail.body();
        assertThat(page).contains("다음스포츠", "다음연예", "지급그룹 합계", "4,970,000원", "497,000원", "5,467,000원",
                // the stage bar, the company and the contacts
                "aria-current=\"step\"", "세금계산서 역발행요청 01", "회사 정보", hyphenated(partner.corpNum()), "(주)정산포털", "홍길동",
                "서울특별시 강남구 테헤란로 123", "박정산", "settle+" + partner.id() + "@partner.co.kr",
                "회사 정보와 담당자 정보를 확인했습니다",
                // the preview: the partner supplies, the platform operator buys, the report's amounts and lines
                "역발행 예정 세금계산서 미리보기", "STL-" + report, "(주)빌플로우미디어 (220-81-62517)",
                "10월 환불 차감", "인증번호 받기", "010-****-6789",
                "value=\"" + LocalDate.now(SEOUL) + "\"");
        assertThat(page).as("adjustments: one summary line, as the invoice will be written")
                .contains("정산 외 2건").containsOnlyOnce("class=\"preview-item\"");
        assertThat(page).contains("name=\"_csrf\"");

        assertThat(browser.get("/portal/settlements/" + othersReport).statusCode()).as("another partner's report")
                .isEqualTo(404);
        assertThat(browser.get("/portal/settlements/" + draft).statusCode()).as("not yet published").isEqualTo(404);
        HttpResponse<String> foreignCode = browser.postForm("/portal/settlements/" + othersReport + "/code",
                form(TestHttp.csrfOf(page), true, LocalDate.now(SEOUL), null));
        assertThat(foreignCode.statusCode()).isEqualTo(404);
        assertThat(codesSent(othersReport)).isZero();
        assertThat(new TestHttp(port).get("/portal/settlements").statusCode()).as("no session").isEqualTo(401);
    }

    @Test
    void theCheckboxIsRequiredAndTheWriteDateNeitherInTheFutureNorBeforeTheMonth() {
        Partner partner = linkedPartner("(주)작성일자");
        long report = publishedReport(partner, "작성일자그룹", List.of("다음스포츠", "다음연예"));
        TestHttp browser = SettlementPortalVisit.signsInFromTheNotice(port, inbox(), report, partner.corpNum());
        String path = "/portal/settlements/" + report;
        LocalDate today = LocalDate.now(SEOUL);

        String page = postAndFollow(browser, path + "/code", false, today, null);
        assertThat(page).contains("회사 정보와 담당자 정보를 확인한 뒤");
        page = postAndFollow(browser, path + "/code", true, today.plusDays(1), null);
        assertThat(page).contains("작성일자는 미래 날짜로 할 수 없습니다");
        page = postAndFollow(browser, path + "/code", true, YearMonth.now(SEOUL).atDay(1).minusDays(1), null);
        assertThat(page).contains("작성일자는 정산 월(" + YearMonth.now(SEOUL) + ")보다 앞설 수 없습니다");
        HttpResponse<String> typo = browser.postForm(path + "/code", "_csrf=" + TestHttp.csrfOf(page)
                + "&dataChecked=true&writeDate=31.10.2026");
        assertThat(browser.get(path).body()).contains("연-월-일로 입력해 주세요");
        assertThat(typo.statusCode()).isEqualTo(302);
        assertThat(codesSent(report)).as("no code for an invalid form").isZero();

        page = postAndFollow(browser, path + "/code", true, today, null);
        String code = SettlementPortalVisit.latestConfirmationCode(jdbc, phone, report);
        page = postAndFollow(browser, path + "/confirm", false, today, code);
        assertThat(page).contains("회사 정보와 담당자 정보를 확인한 뒤");
        page = postAndFollow(browser, path + "/confirm", true, today.plusDays(1), code);
        assertThat(page).contains("작성일자는 미래 날짜로 할 수 없습니다");
        assertThat(confirmedAt(report)).as("nothing confirmed").isNull();
        assertThat(jdbc.queryForObject("select failed_attempts from one_time_code where challenge = ?",
                Integer.class, "settlement-report:" + report)).as("a refused form does not use up a try").isZero();
    }

    @Test
    void wrongCodesShowTheTriesLeftTheFifthVoidsAndTheRightCodeMovesTheProcessOn() {
        Partner partner = linkedPartner("(주)인증번호");
        long report = publishedReport(partner, "인증그룹", List.of("다음스포츠", "다음연예"));
        TestHttp browser = SettlementPortalVisit.signsInFromTheNotice(port, inbox(), report, partner.corpNum());
        String path = "/portal/settlements/" + report;
        LocalDate today = LocalDate.now(SEOUL);

        String page = postAndFollow(browser, path + "/confirm", true, today, "123456");
        assertThat(page).contains("먼저 [인증번호 받기]를 눌러");

        page = postAndFollow(browser, path + "/code", true, today, null);
        assertThat(page).contains("인증번호를 010-****-6789(으)로 보냈습니다", "남은 입력 횟수: 5회");
        List<Map<String, Object>> sms = jdbc.queryForList("select channel, recipients from notification_message "
                + "where dedup_key like ?", "settlement-confirmation-code:" + report + ":%");
        assertThat(sms).as("by SMS to the group's verification mobile only")
                .containsExactly(Map.of("channel", "SMS", "recipients", "010-2345-6789"));
        String code = SettlementPortalVisit.latestConfirmationCode(jdbc, phone, report);
        assertThat(page).doesNotContain(code);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        page = postAndFollow(browser, path + "/confirm", true, today, "12ab");
        assertThat(page).contains("인증번호 6자리 숫자를 입력해 주세요", "남은 입력 횟수: 5회");
        for (int left = 4; left >= 1; left--) {
            page = postAndFollow(browser, path + "/confirm", true, today, wrong);
            assertThat(page).contains("인증번호가 일치하지 않습니다. 남은 입력 횟수: " + left + "회");
        }
        page = postAndFollow(browser, path + "/confirm", true, today, wrong);
        assertThat(page).contains("인증번호가 5회 틀려 더 이상 사용할 수 없습니다");
        page = postAndFollow(browser, path + "/confirm", true, today, code);
        assertThat(page).as("the voided code stays void, right or not").contains("5회 틀려");
        assertThat(confirmedAt(report)).isNull();

        page = postAndFollow(browser, path + "/code", true, today, null);
        String fresh = SettlementPortalVisit.latestConfirmationCode(jdbc, phone, report);
        LocalDate writeDate = YearMonth.now(SEOUL).atDay(1);
        page = postAndFollow(browser, path + "/confirm", true, writeDate, fresh);
        assertThat(page).contains("세금계산서 역발행을 신청했습니다", "aria-current=\"step\"", "02 세금계산서 서명요청",
                "세금계산서를 준비 중입니다", "작성일자 " + writeDate).doesNotContain("인증번호 받기");
        assertThat(confirmedAt(report)).isNotNull();
        assertThat(jdbc.queryForObject("select write_date from settlement_report where id = ?", LocalDate.class, report))
                .isEqualTo(writeDate);
        assertThat(jdbc.queryForObject("select confirmed_by from settlement_report where id = ?", String.class, report))
                .isEqualTo("supplier:" + partner.corpNum());
        assertThat(postAndFollow(browser, path + "/confirm", true, today, fresh)).as("confirming twice")
                .contains("이미 역발행을 신청했거나");

        Job request = managementService.createJobQuery().processInstanceId(processOf(report))
                .activityId(Settlement.TASK_REQUEST_INVOICE).singleResult();
        assertThat(request).as("the process waits to write the reverse invoice").isNotNull();
        managementService.executeJob(request.getId());

        Long invoiceId = jdbc.queryForObject("select invoice_id from settlement_report where id = ?", Long.class, report);
        assertThat(invoiceId).isNotNull();
        assertThat(jdbc.queryForObject("select status from settlement_report where id = ?", String.class, report))
                .isEqualTo("SIGNATURE_REQUESTED");
        Map<String, Object> invoice = jdbc.queryForMap("select i.state_code, i.partner_id, i.write_date, i.invoicee_mgt_key, "
                + "i.supply_cost_total, i.tax_total, i.total_amount, b.corp_num from tax_invoice i "
                + "join buyer_company b on b.id = i.buyer_company_id where i.id = ?", invoiceId);
        assertThat(invoice).containsEntry("state_code", 200).containsEntry("partner_id", partner.id())
                .containsEntry("invoicee_mgt_key", "STL-" + report).containsEntry("supply_cost_total", 4_970_000L)
                .containsEntry("tax_total", 497_000L).containsEntry("total_amount", 5_467_000L)
                .containsEntry("corp_num", BUYER_CORP_NUM);
        assertThat(jdbc.queryForList("select item_name || '|' || supply_cost || '|' || tax || '|' || remark "
                + "from tax_invoice_detail where invoice_id = ? order by position", String.class, invoiceId))
                .as("the items are the preview's").containsExactly(YearMonth.now(SEOUL).getYear() + "년 "
                        + YearMonth.now(SEOUL).getMonthValue() + "월 정산 외 2건|4970000|497000|다음스포츠");

        page = browser.get(path).body();
        assertThat(page).contains("02 세금계산서 서명요청", "/portal/invoices/" + invoiceId, "서명(승인)하기")
                .doesNotContain("세금계산서를 준비 중입니다");
        assertThat(browser.get("/portal/invoices/" + invoiceId).body()).contains("STL-" + report, "승인");
        assertThat(browser.get("/portal/settlements").body()).contains("02 세금계산서 서명요청");
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        Partner partner = linkedPartner("(주)유효시간");
        long report = publishedReport(partner, "만료그룹", List.of("다음스포츠", "다음연예"));
        TestHttp browser = SettlementPortalVisit.signsInFromTheNotice(port, inbox(), report, partner.corpNum());
        String path = "/portal/settlements/" + report;
        LocalDate today = LocalDate.now(SEOUL);

        postAndFollow(browser, path + "/code", true, today, null);
        String code = SettlementPortalVisit.latestConfirmationCode(jdbc, phone, report);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        String page = postAndFollow(browser, path + "/confirm", true, LocalDate.now(clock), code);
        assertThat(page).contains("인증번호의 유효시간(5분)이 지났습니다").contains("인증번호 받기");
        assertThat(confirmedAt(report)).isNull();
        assertThat(jdbc.queryForObject("select status from one_time_code where challenge = ?",
                String.class, "settlement-report:" + report)).isEqualTo("EXPIRED");

        postAndFollow(browser, path + "/code", true, LocalDate.now(clock), null);
        page = postAndFollow(browser, path + "/confirm", true, LocalDate.now(clock), SettlementPortalVisit.latestConfirmationCode(jdbc, phone, report));
        assertThat(page).contains("세금계산서 역발행을 신청했습니다");
    }

    @Test
    void afterTheDeadlineThePartnerIsSentToOperations() {
        Partner partner = linkedPartner("(주)기한경과");
        long report = publishedReport(partner, "기한그룹", List.of("다음스포츠", "다음연예"));
        TestHttp browser = SettlementPortalVisit.signsInFromTheNotice(port, inbox(), report, partner.corpNum());
        String path = "/portal/settlements/" + report;
        postAndFollow(browser, path + "/code", true, LocalDate.now(SEOUL), null);
        String code = SettlementPortalVisit.latestConfirmationCode(jdbc, phone, report);

        LocalDate deadline = jdbc.queryForObject("select deadline from settlement_report where id = ?", LocalDate.class,
                report);
        clock.advance(Duration.between(clock.instant(), deadline.plusDays(1).atStartOfDay(SEOUL).toInstant())
                .plusMinutes(1));
        String page = browser.get(path).body();
        assertThat(page).contains("정산 기한(" + deadline + ")이 지났습니다").doesNotContain("인증번호 받기");
        page = postAndFollow(browser, path + "/confirm", true, YearMonth.now(SEOUL).atDay(1), code);
        assertThat(page).contains("정산 기한(" + deadline + ")이 지났습니다");
        assertThat(confirmedAt(report)).isNull();
    }

    // --- the way there ------------------------------------------------------------------------------------

    record Partner(long id, String corpNum) {
    }

    private Partner linkedPartner(String name) {
        String corpNum = TestData.newBusinessNumber();
        HttpResponse<String> created = staff.postJson("/api/partners", TestData.partnerJson(corpNum, name),
                "operator", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = SettlementFixtures.json(created).get("id").asLong();
        HttpResponse<String> linked = staff.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        return new Partner(id, corpNum);
    }

    /** This month's report with an adjustment line: 4,970,000 + 497,000 = 5,467,000 won. */
    private long importedReport(long group) {
        String month = YearMonth.now(SEOUL).toString();
        String item = YearMonth.now(SEOUL).getYear() + "년 " + YearMonth.now(SEOUL).getMonthValue() + "월 정산";
        String media = jdbc.queryForList("select name from settlement_group_media where group_id = ? order by position",
                String.class, group).get(0);
        List<String> all = jdbc.queryForList("select name from settlement_group_media where group_id = ? order by position",
                String.class, group);
        String second = all.size() > 1 ? all.get(1) : media;
        HttpResponse<String> imported = staff.putJson("/api/settlement/groups/" + group + "/reports/" + month, """
                {"lines":[
                 {"media":"%s","item":"%s","supplyAmount":200000,"vat":20000,"total":220000},
                 {"media":"%s","item":"%s","supplyAmount":4780000,"vat":478000,"total":5258000},
                 {"media":"%s","item":"10월 환불 차감","supplyAmount":-10000,"vat":-1000,"total":-11000,"adjustment":true}]}"""
                .formatted(media, item, second, second.equals(media) ? item + " 2" : item, media), "manager", "manager");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        return SettlementFixtures.json(imported).get("id").asLong();
    }

    /** Imported, reviewed and approved in Tasklist, the publish job run: PUBLISHED, the notice queued. */
    private long publishedReport(Partner partner, String groupName, List<String> media) {
        long report = importedReport(fixtures.group(partner.id(), groupName, media));
        HttpResponse<String> review = staff.postJson("/api/settlement/reports/" + report + "/review-request", "",
                "manager", "manager");
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(report))
                .taskDefinitionKey(Settlement.TASK_REVIEW).singleResult();
        // the reviewer is whoever is signed in to the engine when the task completes
        identityService.setAuthentication("manager", List.of("settlement-managers"));
        try {
            taskService.claim(task.getId(), "manager");
            taskService.complete(task.getId(), Map.of(Settlement.VAR_REVIEW_DECISION, "approve"));
        } finally {
            identityService.clearAuthentication();
        }
        Job publish = managementService.createJobQuery().processInstanceId(processOf(report))
                .activityId(Settlement.TASK_PUBLISH).singleResult();
        managementService.executeJob(publish.getId());
        assertThat(jdbc.queryForObject("select status from settlement_report where id = ?", String.class, report))
                .isEqualTo("PUBLISHED");
        return report;
    }

    /** Submits the confirmation form (CSRF token from the page) and returns the page shown after the redirect. */
    private String postAndFollow(TestHttp browser, String action, boolean checked, LocalDate writeDate, String code) {
        String detail = action.substring(0, action.lastIndexOf('/'));
        String page = browser.get(detail).body();
        HttpResponse<String> posted = browser.postForm(action, form(TestHttp.csrfOf(page), checked, writeDate, code));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        HttpResponse<String> shown = browser.get(detail);
        assertThat(shown.statusCode()).isEqualTo(200);
        return shown.body();
    }

    private static String form(String csrf, boolean checked, LocalDate writeDate, String code) {
        return "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + (checked ? "&dataChecked=true" : "")
                + "&writeDate=" + writeDate + (code == null ? "" : "&code=" + code);
    }

    private static String hyphenated(String corpNum) {
        return corpNum.substring(0, 3) + "-" + corpNum.substring(3, 5) + "-" + corpNum.substring(5);
    }

    private String processOf(long report) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(Settlement.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(report)).singleResult().getId();
    }

    private int codesSent(long report) {
        return jdbc.queryForObject("select count(*) from one_time_code where challenge = ?",
                Integer.class, "settlement-report:" + report);
    }

    private Object confirmedAt(long report) {
        return jdbc.queryForObject("select confirmed_at from settlement_report where id = ?", Object.class, report);
    }
}
