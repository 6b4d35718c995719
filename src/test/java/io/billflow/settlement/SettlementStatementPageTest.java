package io.billflow.settlement;

import static io.billflow.settlement.SettlementProgressFixture.importReport;
import static io.billflow.settlement.SettlementProgressFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.Withholding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 정산 명세서: lines by medium, totals, for individuals 소득세 and 지방소득세 apart from the net payout, the payout
 * account only ever masked, dates, the invoice's approval number; printable; staff only. Months 2023-04/05.
 */
@BillflowSpringTest
class SettlementStatementPageTest {

    /** The account every group of {@link SettlementFixtures#group} registers, in clear. */
    static final List<String> CLEAR_ACCOUNT = List.of("110-123-456789", "110123456789", "123-456");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;

    static long individualReport;
    static long expectedReport;
    static long businessReport;
    static String approvalNumber;

    @BeforeEach
    void data() {
        http = new TestHttp(port);
        if (individualReport == 0) {
            build(new SettlementFixtures(http), new SettlementProgressFixture(jdbc), new InvoiceFixtures(http));
        }
    }

    private void build(SettlementFixtures fixtures, SettlementProgressFixture progress, InvoiceFixtures invoices) {
        Instant at = Instant.parse("2023-06-01T01:00:00Z");
        long person = fixtures.individualPartner("김명세");
        long personGroup = fixtures.group(person, "명세서 개인", List.of("명세C", "명세D"));
        individualReport = importReport(http, personGroup, "2023-05",
                line("명세C", "2023년 5월 정산", 1_000_000, 0) + "," + line("명세D", "2023년 5월 정산", 234_567, 0));
        progress.moveAlong(individualReport, ReportStatus.PAID, at);
        // 1,234,567: 소득세 37,037 → 37,030; 지방소득세 3,703 → 3,700 (each truncated below 10 won); 1,193,837 paid
        progress.payout(individualReport, PayeeType.INDIVIDUAL, 1_234_567, 37_030, 3_700, LocalDate.of(2023, 6, 15),
                "PAID", "088", "110-***-***789", "홍*동", Instant.parse("2023-06-15T01:00:00Z"));

        expectedReport = importReport(http, personGroup, "2023-04", line("명세C", "2023년 4월 정산", 500_000, 0));
        progress.moveAlong(expectedReport, ReportStatus.PUBLISHED, at);

        long business = invoices.linkedPartner("(주)명세서광고");
        long businessGroup = fixtures.group(business, "명세서 사업자", List.of("명세A", "명세B"));
        businessReport = importReport(http, businessGroup, "2023-05",
                line("명세A", "2023년 5월 정산", 1_000_000, 100_000) + "," + line("명세B", "2023년 5월 정산", 500_000, 50_000)
                        + "," + line("명세A", "4월 환불 차감", -10_000, -1_000, true));
        progress.moveAlong(businessReport, ReportStatus.PAYOUT_PROCESSING, at);
        approvalNumber = progress.invoice(http, businessReport, invoices.buyerCompany(), business);
        // a clear account number and holder where only masked ones belong: the statement must still mask them
        progress.payout(businessReport, PayeeType.BUSINESS, 1_639_000, 0, 0, LocalDate.of(2023, 6, 15), "SCHEDULED",
                "090", "3333-01-1234567", "주식회사 한빛콘텐츠", null);
    }

    @Test
    void anIndividualsStatementShowsTheWithholdingApartFromTheNetPayout() {
        assertThat(Withholding.forIndividual(1_234_567)).isEqualTo(new Withholding(1_234_567, 37_030, 3_700, 1_193_837));

        String html = statement(individualReport, "manager");

        assertThat(html).contains("<html lang=\"ko\">", "정산 명세서", "2023년 5월", "김명세", "명세서 개인",
                "개인 (원천징수 대상)", "<th scope=\"row\">명세C</th>", "<th scope=\"row\">명세D</th>",
                "1,000,000원", "234,567원", "지급그룹 합계", "04 지급 완료");
        assertThat(cell(html, "gross")).isEqualTo("1,234,567원");
        assertThat(cell(html, "income-tax")).isEqualTo("- 37,030원");
        assertThat(cell(html, "local-income-tax")).isEqualTo("- 3,700원");
        assertThat(cell(html, "withheld")).isEqualTo("40,730원");
        assertThat(cell(html, "payout-amount total")).isEqualTo("1,193,837원");
        assertThat(html).contains("소득세 (3%)", "지방소득세 (0.3%, 소득세의 10%)", "실지급액",
                "<th scope=\"row\">지급 예정일</th><td>2023-06-15</td>", "<th scope=\"row\">지급일</th><td>2023-06-15</td>",
                "신한은행", "110-***-***789", "홍*동")
                .doesNotContain("세금계산서 승인번호", "(예상", "<script");
        assertNoClearAccount(html);
        assertThat(html).doesNotContain("홍길동");
    }

    @Test
    void aBusinessStatementShowsTheApprovalNumberNoWithholdingAndMasksEvenAClearStoredAccount() {
        String html = statement(businessReport, "operator");

        assertThat(html).contains("(주)명세서광고", "사업자등록번호", "세금계산서 승인번호", approvalNumber,
                "03 지급 처리중", "지급 예정", "원천징수", "없음 (세금계산서를 발행하는 사업자)", "(조정)", "-11,000원",
                "1,490,000원", "149,000원", "카카오뱅크");
        assertThat(cell(html, "num total")).isEqualTo("1,639,000원");
        assertThat(cell(html, "payout-amount total")).isEqualTo("1,639,000원");
        assertThat(cell(html, "account-number")).isEqualTo("333*-**-****567");
        assertThat(html).doesNotContain("3333-01-1234567", "3333011234567", "한빛콘텐츠", "소득세 (3%)");
        assertNoClearAccount(html);
    }

    @Test
    void beforeThePayoutIsScheduledTheStatementShowsTheExpectedWithholding() {
        String html = statement(expectedReport, "admin");

        assertThat(html).contains("(예상: 지급 예약 전)", "01 세금계산서 역발행요청", "지급 예약 전");
        assertThat(cell(html, "gross")).isEqualTo("500,000원");
        assertThat(cell(html, "income-tax")).isEqualTo("- 15,000원");
        assertThat(cell(html, "local-income-tax")).isEqualTo("- 1,500원");
        assertThat(cell(html, "payout-amount total")).isEqualTo("483,500원");
        assertThat(html).as("the group's current account, masked").contains("110-***-***789");
        assertNoClearAccount(html);
    }

    @Test
    void itPrintsWithoutTheScreenChrome() {
        String html = statement(individualReport, "manager");
        assertThat(html).contains("/css/billflow.css", "class=\"no-print muted\"", "<caption>매체별 정산 내역</caption>");
        String css = http.get("/css/billflow.css").body();
        assertThat(css).contains("@media print", "header, nav, .no-print { display: none !important; }",
                "@page { size: A4 portrait");
    }

    @Test
    void staffOnly() {
        String path = "/settlement/reports/" + individualReport + "/statement";
        HttpResponse<String> anonymous = http.get(path);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(http.getBasic(path, "api-client", "api-client").statusCode()).isEqualTo(403);
        assertThat(http.getBasic("/settlement/reports/987654321/statement", "manager", "manager").statusCode())
                .isEqualTo(404);
    }

    private String statement(long reportId, String user) {
        HttpResponse<String> response = http.getBasic("/settlement/reports/" + reportId + "/statement", user, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The text of the first {@code <td class="num? …">} with this class. */
    private static String cell(String html, String cssClass) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td class=\"(?:num )?" + java.util.regex.Pattern.quote(cssClass)
                + "\">([^<]*)</td>").matcher(html);
        assertThat(m.find()).as("a cell of class " + cssClass).isTrue();
        return m.group(1);
    }

    private static void assertNoClearAccount(String html) {
        for (String clear : CLEAR_ACCOUNT) {
            assertThat(html).as("the clear account number").doesNotContain(clear);
        }
    }
}
