package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.TestHttp;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.settlement.api.GroupSignInCodes;
import io.billflow.settlement.api.SignInCodeRefusedException;
import io.billflow.settlement.application.SettlementFlowService;
import io.billflow.workflow.BpmnIds.Settlement;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.billflow.notification.TextedCodes;
import io.billflow.notification.api.PortalLinks;
import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An individual partner (원천징수 대상자: no business number) in the portal, clicked through as a browser would:
 * the publication notice's link, a one-time code by SMS to the group's verification mobile instead of the
 * business number, and the read-only report with the withholding. Only that group's reports; each kind of link
 * opens with its own proof only.
 */
@BillflowSpringTest
@ExtendWith(OutputCaptureExtension.class)
class SettlementPortalIndividualTest {

    /** The group's sign-in codes (platform.onetimecode). */
    private static final String SIGN_IN_CODES = "one_time_code where purpose = 'PORTAL_SIGN_IN' and scope = 'settlement-group:' || ?";

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final String LANDING = "/portal/individual/settlements";

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

    @Autowired
    io.billflow.settlement.application.VerificationMobileHold mobileHold;

    @Autowired
    SettlementFlowService flow;

    @Autowired
    PortalLinks portalLinks;

    @Autowired
    GroupSignInCodes signInCodes;

    TestHttp staff;
    SettlementFixtures fixtures;

    @BeforeEach
    void setUp() {
        staff = new TestHttp(port);
        fixtures = new SettlementFixtures(staff);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theNoticeLinkAndACodeToTheGroupMobileOpenTheReportWithTheWithholding(CapturedOutput output) {
        long partner = fixtures.individualPartner("김작가");
        long group = fixtures.group(partner, "웹소설 " + System.nanoTime(), List.of("웹소설"));
        long report = publishedReport(group, "웹소설", 1_000_000);
        String link = linkInNotice("settlement-published:" + report);

        TestHttp browser = new TestHttp(port);
        HttpResponse<String> opened = browser.get(link);
        assertThat(opened.statusCode()).as("no business number to type").isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith(link + "/mobile");
        String page = browser.get(link + "/mobile").body();
        assertThat(page).contains("인증번호 받기", "010-****-6789", "사업자등록번호는 필요하지 않습니다")
                .doesNotContain("name=\"corpNum\"", "name=\"code\"");

        page = sendCode(browser, link);
        assertThat(page).contains("인증번호를 010-****-6789(으)로 보냈습니다", "남은 입력 횟수: 5회", "name=\"code\"");
        assertThat(jdbc.queryForList("select channel, recipients from notification_message where dedup_key like ?",
                "settlement-sign-in-code:" + group + ":%")).as("by SMS to the group's verification mobile only")
                .containsExactly(Map.of("channel", "SMS", "recipients", "010-2345-6789"));
        String code = latestCode(group);
        assertThat(page).doesNotContain(code);

        HttpResponse<String> signedIn = typeCode(browser, link, code);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(LANDING);

        String list = browser.get(LANDING).body();
        assertThat(list).contains("김작가님", "1,000,000원", "967,000원", "data-stage=\"PUBLISHED\"", LANDING + "/" + report + "\"");
        HttpResponse<String> detail = browser.get(LANDING + "/" + report);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("웹소설 원고료", "지급그룹 합계", "1,000,000원", "소득세 (3%)", "- 30,000원",
                        "지방소득세 (0.3%, 소득세의 10%)", "- 3,000원", "원천징수 합계", "33,000원", "실지급액", "967,000원",
                        "예상: 지급 예약 전", "aria-current=\"step\"", "신한은행 110-***-***789", "name=\"_csrf\"")
                .as("read only: nothing to confirm, no invoice").doesNotContain("역발행", "인증번호", "/confirm");
        assertThat(currentStage(detail.body())).isEqualTo("발행");

        executeJob(report, Settlement.TASK_SCHEDULE_PAYOUT);
        String scheduled = browser.get(LANDING + "/" + report).body();
        assertThat(currentStage(scheduled)).isEqualTo("지급 처리중");
        assertThat(scheduled).contains("- 30,000원", "- 3,000원", "967,000원").doesNotContain("예상: 지급 예약 전");

        assertThat(browser.get("/portal/settlements").statusCode()).as("the businesses' pages").isEqualTo(403);
        assertThat(browser.get("/portal/invoices").statusCode()).isEqualTo(403);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(403);
        assertThat(audit(group)).contains("SETTLEMENT_SIGN_IN_CODE_SENT", "SETTLEMENT_SIGN_IN_CODE_ACCEPTED");

        secretsStayHidden(link, code, group, output);
    }

    @Test
    void wrongCodesCountPerLinkANewCodeBuysNoNewTriesAndTheFifthLocksTheLink() {
        long partner = fixtures.individualPartner("이작가");
        long group = fixtures.group(partner, "웹툰 " + System.nanoTime(), List.of("웹툰"));
        String link = linkInNotice("settlement-published:" + publishedReport(group, "웹툰", 500_000));
        TestHttp browser = new TestHttp(port);

        HttpResponse<String> noCode = typeCode(browser, link, "123456");
        assertThat(noCode.body()).contains("먼저 [인증번호 받기]를 눌러");
        sendCode(browser, link);
        String wrong = wrongCodeFor(latestCode(group));

        HttpResponse<String> typo = typeCode(browser, link, "12ab");
        assertThat(typo.statusCode()).isEqualTo(401);
        assertThat(typo.body()).as("a typo is no try").contains("6자리 숫자를 입력해 주세요", "남은 입력 횟수: 5회");
        for (int left = 4; left >= 2; left--) {
            HttpResponse<String> refused = typeCode(browser, link, wrong);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("인증번호가 일치하지 않습니다. 남은 입력 횟수: " + left + "회");
        }
        String page = sendCode(browser, link);
        assertThat(page).as("a new code, the same tries").contains("남은 입력 횟수: 2회");
        String fresh = latestCode(group);
        wrong = wrongCodeFor(fresh);
        assertThat(typeCode(browser, link, wrong).body()).contains("남은 입력 횟수: 1회");

        String csrf = csrf(browser, link); // the locked link's page has no form any more
        HttpResponse<String> locked = typeCode(browser, link, csrf, wrong);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("인증번호가 5회 틀려", "이 링크는 만료되었거나 사용할 수 없습니다")
                .doesNotContain("인증번호 받기");
        assertThat(typeCode(browser, link, csrf, fresh).statusCode()).as("locked: the right code no longer opens it")
                .isEqualTo(404);
        assertThat(browser.get(LANDING).statusCode()).isEqualTo(401);
        HttpResponse<String> again = browser.postForm(link + "/mobile/code", "_csrf=" + csrf);
        assertThat(again.statusCode()).as("no more codes for a locked link").isEqualTo(404);
        assertThat(jdbc.queryForObject("select revoked_at is not null from portal_invitation where token_sha256 = ?",
                Boolean.class, sha256(token(link)))).isTrue();
        assertThat(jdbc.queryForList("select status from " + SIGN_IN_CODES + " order by requested_at",
                String.class, group)).containsExactly("SUPERSEDED", "VOID");
        assertThat(audit(group)).contains("SETTLEMENT_SIGN_IN_CODE_REJECTED", "SETTLEMENT_SIGN_IN_LOCKED")
                .doesNotContain("SETTLEMENT_SIGN_IN_CODE_ACCEPTED");

        String newNotice = portalLinks.newIndividualLink(group, PortalLinks.SETTLEMENT, "test").value();
        String newLink = newNotice.substring(newNotice.indexOf("/portal/access/"));
        assertThat(new TestHttp(port).get(newLink + "/mobile").body()).as("a new notice brings a new link")
                .contains("인증번호 받기");
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        long partner = fixtures.individualPartner("박작가");
        long group = fixtures.group(partner, "만료 " + System.nanoTime(), List.of("웹툰"));
        String link = linkInNotice("settlement-published:" + publishedReport(group, "웹툰", 700_000));
        TestHttp browser = new TestHttp(port);

        sendCode(browser, link);
        String code = latestCode(group);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        HttpResponse<String> late = typeCode(browser, link, code);
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(late.body()).contains("인증번호의 유효시간(5분)이 지났습니다", "인증번호 받기")
                .doesNotContain("name=\"code\"");
        assertThat(typeCode(browser, link, code).body()).as("still expired, still no try")
                .contains("유효시간(5분)이 지났습니다");
        assertThat(jdbc.queryForObject("select status from " + SIGN_IN_CODES, String.class,
                group)).isEqualTo("EXPIRED");

        sendCode(browser, link);
        assertThat(typeCode(browser, link, latestCode(group)).statusCode()).isEqualTo(302);
        assertThat(browser.get(LANDING).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheGroupTheLinkWasSentForIsVisible() {
        long partner = fixtures.individualPartner("최작가");
        long group = fixtures.group(partner, "소설 " + System.nanoTime(), List.of("소설"));
        long otherGroup = fixtures.group(partner, "에세이 " + System.nanoTime(), List.of("에세이"));
        long report = publishedReport(group, "소설", 300_000);
        long sameMonthOtherGroup = publishedReport(otherGroup, "에세이", 400_000);
        long otherPartnerGroup = fixtures.group(fixtures.individualPartner("정작가"), "시 " + System.nanoTime(),
                List.of("시"));
        long othersReport = publishedReport(otherPartnerGroup, "시", 200_000);
        long draft = SettlementProgressFixture.importReport(staff, group, YearMonth.now(SEOUL).minusMonths(1).toString(),
                SettlementProgressFixture.line("소설", "지난달 원고료", 100_000, 0));

        TestHttp browser = signedIn(linkInNotice("settlement-published:" + report), group);
        String list = browser.get(LANDING).body();
        assertThat(list).contains(LANDING + "/" + report + "\"").doesNotContain(LANDING + "/" + sameMonthOtherGroup + "\"",
                LANDING + "/" + othersReport + "\"", LANDING + "/" + draft + "\"", "에세이");
        assertThat(browser.get(LANDING + "/" + report).statusCode()).isEqualTo(200);
        assertThat(browser.get(LANDING + "/" + sameMonthOtherGroup).statusCode())
                .as("the same partner's other group: its mobile was not proven").isEqualTo(404);
        assertThat(browser.get(LANDING + "/" + othersReport).statusCode()).as("another partner's").isEqualTo(404);
        assertThat(browser.get(LANDING + "/" + draft).statusCode()).as("not yet published").isEqualTo(404);
        assertThat(new TestHttp(port).get(LANDING).statusCode()).as("no session").isEqualTo(401);
    }

    @Test
    void aBusinessLinkHasNoCodePathAndAnIndividualLinkNoBusinessNumberPath() {
        long business = fixtures.businessPartner("(주)사업자링크");
        long businessGroup = fixtures.group(business, "사업자그룹 " + System.nanoTime(), List.of("다음스포츠"));
        String businessLink = portalLinks.newLink(business, PortalLinks.SETTLEMENT, "test").value();
        businessLink = businessLink.substring(businessLink.indexOf("/portal/access/"));
        TestHttp stranger = new TestHttp(port);
        String businessPage = stranger.get(businessLink).body();
        assertThat(businessPage).contains("name=\"corpNum\"");
        assertThat(stranger.postForm(businessLink + "/mobile/code", "_csrf=" + TestHttp.csrfOf(businessPage))
                .statusCode()).isEqualTo(404);
        assertThat(stranger.postForm(businessLink + "/mobile", "_csrf=" + TestHttp.csrfOf(businessPage) + "&code=123456")
                .statusCode()).isEqualTo(404);
        assertThat(stranger.get(businessLink + "/mobile").body()).contains("이 링크는 만료되었거나")
                .doesNotContain("인증번호 받기");
        assertThat(jdbc.queryForObject("select count(*) from " + SIGN_IN_CODES, Integer.class,
                businessGroup)).isZero();
        assertThatThrownBy(() -> portalLinks.newIndividualLink(businessGroup, PortalLinks.SETTLEMENT, "test"))
                .isInstanceOf(InvalidInputException.class);

        long individual = fixtures.individualPartner("한작가");
        long group = fixtures.group(individual, "개인그룹 " + System.nanoTime(), List.of("웹툰"));
        String link = linkInNotice("settlement-published:" + publishedReport(group, "웹툰", 100_000));
        TestHttp browser = new TestHttp(port);
        String page = browser.get(link + "/mobile").body();
        HttpResponse<String> typed = browser.postForm(link, "_csrf=" + TestHttp.csrfOf(page) + "&corpNum=");
        assertThat(typed.headers().firstValue("Location").orElseThrow()).endsWith(link + "/mobile");
        assertThat(browser.get(LANDING).statusCode()).isEqualTo(401);
        assertThat(browser.get("/portal/settlements").statusCode()).isEqualTo(401);
        assertThat(staff.postJson("/api/partners/" + individual + "/portal-invitations", "", "operator", "operator")
                .statusCode()).as("no business-number link for an individual").isEqualTo(400);

        TestHttp supplier = new TestHttp(port);
        String access = supplier.get(businessLink).body();
        String corpNum = jdbc.queryForObject("select corp_num from partner where id = ?", String.class, business);
        assertThat(supplier.postForm(businessLink, "corpNum=" + corpNum + "&_csrf=" + TestHttp.csrfOf(access))
                .statusCode()).isEqualTo(302);
        assertThat(supplier.get(LANDING).statusCode()).as("a business session is not an individual's").isEqualTo(403);
    }

    @Test
    void aGroupMobileGetsAtMostTenCodesADayAndAReminderCarriesTheNewLinkToo() {
        long partner = fixtures.individualPartner("윤작가");
        long group = fixtures.group(partner, "한도 " + System.nanoTime(), List.of("웹툰"));
        long report = publishedReport(group, "웹툰", 100_000);
        String link = linkInNotice("settlement-published:" + report);
        TestHttp browser = new TestHttp(port);
        for (int i = 0; i < 10; i++) {
            assertThat(sendCode(browser, link)).contains("인증번호를 010-****-6789(으)로 보냈습니다");
        }
        assertThat(sendCode(browser, link)).contains("오늘 이 정산그룹의 인증 휴대폰으로 보낼 수 있는 인증번호를 모두 보냈습니다");
        assertThat(jdbc.queryForObject("select count(*) from " + SIGN_IN_CODES, Integer.class,
                group)).isEqualTo(10);

        flow.remind(report);
        String reminderLink = linkInNotice("settlement-reminder:" + report);
        assertThat(reminderLink).as("each notice its own link").isNotEqualTo(link);
        assertThat(new TestHttp(port).get(reminderLink).headers().firstValue("Location").orElseThrow())
                .endsWith(reminderLink + "/mobile");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(typeCode(browser, link, latestCode(group)).statusCode()).as("a day later: expired, no session")
                .isEqualTo(401);
        sendCode(browser, link);
        assertThat(typeCode(browser, link, latestCode(group)).statusCode()).isEqualTo(302);
    }

    @Test
    void aLockedChallengeStaysLockedWhoeverAsks() {
        long group = fixtures.group(fixtures.individualPartner("서작가"), "잠금 " + System.nanoTime(), List.of("웹툰"));
        String challenge = "test:" + System.nanoTime();
        signInCodes.send(group, challenge, "test");
        String wrong = wrongCodeFor(latestCode(group));
        for (int i = 0; i < GroupSignInCodes.MAX_WRONG_CODES; i++) {
            assertThatThrownBy(() -> signInCodes.check(group, challenge, wrong, "test"))
                    .isInstanceOf(SignInCodeRefusedException.class);
        }
        assertThatThrownBy(() -> signInCodes.send(group, challenge, "test")).as("no new code buys new tries")
                .isInstanceOfSatisfying(SignInCodeRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SignInCodeRefusedException.Reason.LOCKED));
        assertThatThrownBy(() -> signInCodes.check(group, challenge, latestCode(group), "test"))
                .isInstanceOfSatisfying(SignInCodeRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SignInCodeRefusedException.Reason.LOCKED));

        String other = "test:" + System.nanoTime();
        signInCodes.send(group, other, "test");
        signInCodes.check(group, other, latestCode(group), "test"); // another challenge of the group is not locked
        HttpResponse<String> changed = staff.putJson("/api/settlement/groups/" + group + "/verification-mobile",
                "{\"mobile\":\"010-8765-4321\"}", "admin", "admin");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        SettlementFixtures.mobileChangeHoldPassed(jdbc, mobileHold, group);
        signInCodes.send(group, other, "test");
        String sentToTheOldMobile = latestCode(group);
        staff.putJson("/api/settlement/groups/" + group + "/verification-mobile", "{\"mobile\":\"010-2345-6789\"}",
                "admin", "admin");
        SettlementFixtures.mobileChangeHoldPassed(jdbc, mobileHold, group);
        assertThatThrownBy(() -> signInCodes.check(group, other, sentToTheOldMobile, "test"))
                .as("a new verification mobile supersedes the open code")
                .isInstanceOfSatisfying(SignInCodeRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SignInCodeRefusedException.Reason.NO_CODE));
    }

    // --- the way there ------------------------------------------------------------------------------------

    /** Imported (VAT 0: an individual), reviewed and approved in Tasklist, the publish job run: PUBLISHED. */
    private long publishedReport(long group, String media, long fee) {
        String month = YearMonth.now(SEOUL).toString();
        long report = SettlementProgressFixture.importReport(staff, group, month,
                SettlementProgressFixture.line(media, media + " 원고료", fee, 0));
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
        executeJob(report, Settlement.TASK_PUBLISH);
        assertThat(jdbc.queryForObject("select status from settlement_report where id = ?", String.class, report))
                .isEqualTo("PUBLISHED");
        return report;
    }

    private void executeJob(long report, String activityId) {
        String process = runtimeService.createProcessInstanceQuery().processDefinitionKey(Settlement.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(report)).singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(process).activityId(activityId).singleResult();
        managementService.executeJob(job.getId());
    }

    private String linkInNotice(String dedupPrefix) {
        return SettlementPortalVisit.linkInNotice(inbox(), dedupPrefix);
    }

    private TestHttp signedIn(String link, long group) {
        TestHttp browser = new TestHttp(port);
        sendCode(browser, link);
        assertThat(typeCode(browser, link, latestCode(group)).statusCode()).isEqualTo(302);
        return browser;
    }

    /** Presses 인증번호 받기 (CSRF token from the page) and returns the page shown after the redirect. */
    private String sendCode(TestHttp browser, String link) {
        HttpResponse<String> sent = browser.postForm(link + "/mobile/code", "_csrf=" + csrf(browser, link));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return browser.get(link + "/mobile").body();
    }

    private HttpResponse<String> typeCode(TestHttp browser, String link, String code) {
        return typeCode(browser, link, csrf(browser, link), code);
    }

    private HttpResponse<String> typeCode(TestHttp browser, String link, String csrf, String code) {
        return browser.postForm(link + "/mobile", "_csrf=" + csrf + "&code=" + code);
    }

    private String csrf(TestHttp browser, String link) {
        return URLEncoder.encode(TestHttp.csrfOf(browser.get(link + "/mobile").body()), StandardCharsets.UTF_8);
    }

    private String latestCode(long group) {
        return TextedCodes.latestCode(jdbc, phone, "settlement-sign-in-code:" + group + ":");
    }

    private static String wrongCodeFor(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String currentStage(String page) {
        Matcher current = Pattern.compile("aria-current=\"step\"[^>]*>\\s*<span>([^<]+)</span>").matcher(page);
        assertThat(current.find()).as(page).isTrue();
        return current.group(1);
    }

    private List<String> audit(long group) {
        return jdbc.queryForList("select action from audit_log where subject_type = 'settlement_group' and subject_id = ? "
                + "order by id", String.class, String.valueOf(group));
    }

    /** The code and the link's token: only hashes stored, neither in the audit log nor in the application log. */
    private void secretsStayHidden(String link, String code, long group, CapturedOutput output) {
        String token = token(link);
        assertThat(jdbc.queryForObject("select count(*) from portal_invitation where token_sha256 = ?", Integer.class,
                sha256(token))).isOne();
        Map<String, Object> stored = jdbc.queryForMap("select * from " + SIGN_IN_CODES, group);
        assertThat(stored.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(code));
        assertThat(new String((byte[]) stored.get("code_hash"), StandardCharsets.ISO_8859_1)).doesNotContain(code);
        assertThat(jdbc.queryForList("select detail from audit_log where subject_type = 'settlement_group' "
                + "and subject_id = ?", String.class, String.valueOf(group)))
                .allSatisfy(detail -> assertThat(detail).doesNotContain(code).doesNotContain(token));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where detail like ?", Integer.class,
                "%" + token + "%")).isZero();
        assertThat(output.getAll()).doesNotContain(token).doesNotContain("인증번호 " + code);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
