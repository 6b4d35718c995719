package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.fields;
import static io.billflow.settlement.SettlementFixtures.json;
import static io.billflow.settlement.SettlementProgressFixture.importReport;
import static io.billflow.settlement.SettlementProgressFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.ReportStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 월별 정산통계 per partner, group and medium with month-over-month change, and the CSV for Excel. All expected
 * values are computed by hand from the data below (months 2021-12 … 2022-03 belong to this class).
 *
 * <pre>
 * partner P1 (business): group A = media a1, a2; group B = medium b1.   partner P2 (individual): group C = c1.
 *             2021-12          2022-01                 2022-02                  2022-03
 * A   a1      275,000 PAID     110,000 PAID            165,000 PAYOUT_PROC.     132,000 − 22,000 (adj.) PUBLISHED
 *     a2                       220,000                 220,000
 *     payout  —                330,000 PAID            385,000 SCHEDULED        —
 * B   b1                        55,000 PUBLISHED        77,000 DRAFT (out)       88,000 CANCELLED (out)
 * C   c1                     1,000,000 PAID          1,200,000 SIGN. REQ.        33,333 PAID
 *     payout                 967,000 + 30,000 + 3,000  —                       32,253 + 990 + 90
 * (amounts are totals; businesses: supply + 10% VAT, the individual: no VAT)
 * </pre>
 */
@BillflowSpringTest
class SettlementStatisticsApiTest {

    static final String RANGE = "from=2022-01&to=2022-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;

    static long p1;
    static long p2;
    static long groupA;
    static long groupB;
    static long groupC;

    @BeforeEach
    void data() {
        http = new TestHttp(port);
        if (p1 == 0) {
            build(new SettlementFixtures(http), new SettlementProgressFixture(jdbc));
        }
    }

    private void build(SettlementFixtures fixtures, SettlementProgressFixture progress) {
        p1 = fixtures.businessPartner("(주)통계미디어");
        groupA = fixtures.group(p1, "통계 A", List.of("통계A1", "통계A2"));
        groupB = fixtures.group(p1, "통계 B", List.of("통계B1"));
        p2 = fixtures.individualPartner("김통계");
        groupC = fixtures.group(p2, "통계 C", List.of("통계C1"));
        Instant at = Instant.parse("2022-04-01T01:00:00Z");

        long aDec = importReport(http, groupA, "2021-12", line("통계A1", "12월 정산", 250_000, 25_000));
        progress.moveAlong(aDec, ReportStatus.PAID, at);
        progress.payout(aDec, PayeeType.BUSINESS, 275_000, 0, 0, LocalDate.of(2022, 1, 17), "PAID", "088",
                "110-***-***789", "홍*동", at);

        long aJan = importReport(http, groupA, "2022-01", line("통계A1", "1월 정산", 100_000, 10_000) + ","
                + line("통계A2", "1월 정산", 200_000, 20_000));
        progress.moveAlong(aJan, ReportStatus.PAID, at);
        progress.payout(aJan, PayeeType.BUSINESS, 330_000, 0, 0, LocalDate.of(2022, 2, 15), "PAID", "088",
                "110-***-***789", "홍*동", at);
        long bJan = importReport(http, groupB, "2022-01", line("통계B1", "1월 정산", 50_000, 5_000));
        progress.moveAlong(bJan, ReportStatus.PUBLISHED, at);
        long cJan = importReport(http, groupC, "2022-01", line("통계C1", "1월 정산", 1_000_000, 0));
        progress.moveAlong(cJan, ReportStatus.PAID, at);
        progress.payout(cJan, PayeeType.INDIVIDUAL, 1_000_000, 30_000, 3_000, LocalDate.of(2022, 2, 15), "PAID", "088",
                "110-***-***789", "홍*동", at);

        long aFeb = importReport(http, groupA, "2022-02", line("통계A1", "2월 정산", 150_000, 15_000) + ","
                + line("통계A2", "2월 정산", 200_000, 20_000));
        progress.moveAlong(aFeb, ReportStatus.PAYOUT_PROCESSING, at);
        progress.payout(aFeb, PayeeType.BUSINESS, 385_000, 0, 0, LocalDate.of(2022, 3, 15), "SCHEDULED", "088",
                "110-***-***789", "홍*동", null);
        importReport(http, groupB, "2022-02", line("통계B1", "2월 정산", 70_000, 7_000)); // DRAFT: not counted
        long cFeb = importReport(http, groupC, "2022-02", line("통계C1", "2월 정산", 1_200_000, 0));
        progress.moveAlong(cFeb, ReportStatus.SIGNATURE_REQUESTED, at);

        long aMar = importReport(http, groupA, "2022-03", line("통계A1", "3월 정산", 120_000, 12_000) + ","
                + line("통계A1", "3월 환불 차감", -20_000, -2_000, true));
        progress.moveAlong(aMar, ReportStatus.PUBLISHED, at);
        long bMar = importReport(http, groupB, "2022-03", line("통계B1", "3월 정산", 80_000, 8_000));
        progress.moveAlong(bMar, ReportStatus.CANCELLED, at);
        long cMar = importReport(http, groupC, "2022-03", line("통계C1", "3월 정산", 33_333, 0));
        progress.moveAlong(cMar, ReportStatus.PAID, at);
        progress.payout(cMar, PayeeType.INDIVIDUAL, 33_333, 990, 90, LocalDate.of(2022, 4, 15), "PAID", "088",
                "110-***-***789", "홍*동", at);
    }

    @Test
    void perPartnerWithPaidWithheldAndTheChangeAgainstThePreviousMonth() {
        assertThat(rows("by=partner&partnerId=" + p1)).containsExactly(
                // month | reports | supply | VAT | total | paid | withheld | change | change %
                "2022-01|2|350000|35000|385000|330000|0|110000|40.0",   // against December's 275,000
                "2022-02|1|350000|35000|385000|0|0|0|0.0",                // B's draft is not counted, A not paid yet
                "2022-03|1|100000|10000|110000|0|0|-275000|-71.4");      // B cancelled; -275,000 / 385,000
        assertThat(rows("by=partner&partnerId=" + p2)).containsExactly(
                "2022-01|1|1000000|0|1000000|967000|33000|null|null",   // no December
                "2022-02|1|1200000|0|1200000|0|0|200000|20.0",
                "2022-03|1|33333|0|33333|32253|1080|-1166667|-97.2");
        JsonNode partner = statistics("by=partner&partnerId=" + p2).get("rows").get(0);
        assertThat(partner.get("partnerName").asText()).isEqualTo("김통계");
        assertThat(partner.has("totalChange")).as("null is written, not left out").isTrue();
        assertThat(partner.get("totalChange").isNull()).isTrue();
        assertThat(partner.has("groupId")).isFalse();
    }

    @Test
    void perGroup() {
        JsonNode all = statistics("by=group");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        all.get("rows").forEach(r -> {
            if (r.get("groupId").asLong() == groupA) {
                a.add(row(r));
            } else if (r.get("groupId").asLong() == groupB) {
                b.add(row(r));
            }
        });
        assertThat(a).containsExactly(
                "2022-01|1|300000|30000|330000|null|null|55000|20.0",    // against December's 275,000
                "2022-02|1|350000|35000|385000|null|null|55000|16.7",    // 55,000 / 330,000
                "2022-03|1|100000|10000|110000|null|null|-275000|-71.4");
        assertThat(b).as("B: only January counts").containsExactly("2022-01|1|50000|5000|55000|null|null|null|null");
        assertThat(statistics("by=group&groupId=" + groupC).get("rows")).extracting(JsonNode::toString)
                .allSatisfy(r -> assertThat(r).contains("\"groupName\":\"통계 C\"", "\"partnerName\":\"김통계\""))
                .hasSize(3);
    }

    @Test
    void perMediumTheLinesAdjustmentsIncluded() {
        JsonNode stats = statistics("by=media&partnerId=" + p1);
        List<String> rows = new ArrayList<>();
        stats.get("rows").forEach(r -> rows.add(r.get("media").asText() + "|" + row(r)));
        assertThat(rows).containsExactly(
                "통계A1|2022-01|1|100000|10000|110000|null|null|-165000|-60.0",
                "통계A1|2022-02|1|150000|15000|165000|null|null|55000|50.0",
                "통계A1|2022-03|1|100000|10000|110000|null|null|-55000|-33.3", // 132,000 − 22,000, one report
                "통계A2|2022-01|1|200000|20000|220000|null|null|null|null",
                "통계A2|2022-02|1|200000|20000|220000|null|null|0|0.0",
                "통계B1|2022-01|1|50000|5000|55000|null|null|null|null");
        assertThat(rows("by=media&partnerId=" + p2)).containsExactly(
                "2022-01|1|1000000|0|1000000|null|null|null|null",
                "2022-02|1|1200000|0|1200000|null|null|200000|20.0",
                "2022-03|1|33333|0|33333|null|null|-1166667|-97.2");
    }

    @Test
    void theCsvOpensInExcelWithKoreanHeaders() {
        HttpResponse<byte[]> csv = http.getBytes("/api/settlement/statistics.csv?" + RANGE + "&by=partner&partnerId=" + p2,
                "manager", "manager");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"settlement-statistics-partner-2022-01-2022-03.csv\"");
        byte[] body = csv.body();
        assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n", -1)).containsExactly(
                "파트너ID,파트너,정산월,리포트 수,공급가액,세액,합계,지급액,원천징수액,전월 대비 증감,전월 대비 증감률(%)",
                p2 + ",김통계,2022-01,1,1000000,0,1000000,967000,33000,,",
                p2 + ",김통계,2022-02,1,1200000,0,1200000,0,0,200000,20.0",
                p2 + ",김통계,2022-03,1,33333,0,33333,32253,1080,-1166667,-97.2",
                "");

        String media = new String(http.getBytes("/api/settlement/statistics.csv?" + RANGE + "&by=media&partnerId=" + p1,
                "operator", "operator").body(), StandardCharsets.UTF_8);
        assertThat(media).startsWith("\uFEFF파트너ID,파트너,매체명,정산월,리포트 수,공급가액,세액,합계,전월 대비 증감,전월 대비 증감률(%)\r\n")
                .contains(p1 + ",(주)통계미디어,통계A1,2022-03,1,100000,10000,110000,-55000,-33.3\r\n");
        String group = new String(http.getBytes("/api/settlement/statistics.csv?" + RANGE + "&by=group&groupId=" + groupB,
                "admin", "admin").body(), StandardCharsets.UTF_8);
        assertThat(group).isEqualTo("\uFEFF파트너ID,파트너,정산그룹ID,정산그룹,정산월,리포트 수,공급가액,세액,합계,"
                + "전월 대비 증감,전월 대비 증감률(%)\r\n" + p1 + ",(주)통계미디어," + groupB + ",통계 B,2022-01,1,50000,5000,55000,,\r\n");
    }

    @Test
    void badMonthsRangesAndDimensionsAre400sNamingTheField() {
        assertThat(problemFields("/api/settlement/statistics?from=2022-13&to=2022-03")).containsExactly("from");
        assertThat(problemFields("/api/settlement/statistics?from=2022-01&to=March")).containsExactly("to");
        assertThat(problemFields("/api/settlement/statistics?from=2022-05&to=2022-01")).containsExactly("from");
        assertThat(problemFields("/api/settlement/statistics?from=2020-01&to=2023-01")).as("37 months")
                .containsExactly("to");
        assertThat(problemFields("/api/settlement/statistics?" + RANGE + "&by=country")).containsExactly("by");
        assertThat(problemFields("/api/settlement/statistics?from=x&to=y&by=z")).containsExactly("from", "to", "by");
        assertThat(problemFields("/api/settlement/statistics.csv?" + RANGE + "&by=country")).containsExactly("by");
        assertThat(http.getBasic("/api/settlement/statistics?from=2020-01&to=2022-12", "manager", "manager").statusCode())
                .as("36 months are fine").isEqualTo(200);

        JsonNode defaults = statistics("");
        assertThat(defaults.get("by").asText()).isEqualTo("partner");
        assertThat(java.time.YearMonth.parse(defaults.get("from").asText()).plusMonths(11))
                .isEqualTo(java.time.YearMonth.parse(defaults.get("to").asText()));
    }

    @Test
    void staffOnly() {
        assertThat(http.get("/api/settlement/statistics?" + RANGE).statusCode()).isEqualTo(401);
        HttpResponse<String> anonymousCsv = http.get("/api/settlement/statistics.csv?" + RANGE);
        assertThat(anonymousCsv.statusCode()).isEqualTo(401);
        assertThat(anonymousCsv.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.getBasic("/api/settlement/statistics?" + RANGE, "api-client", "api-client").statusCode())
                .isEqualTo(403);
        assertThat(http.getBasic("/api/settlement/statistics.csv?" + RANGE, "api-client", "api-client").statusCode())
                .isEqualTo(403);
        assertThat(http.getBasic("/api/settlement/statistics?" + RANGE, "operator", "operator").statusCode())
                .isEqualTo(200);
    }

    private List<String> problemFields(String path) {
        HttpResponse<String> response = http.getBasic(path, "manager", "manager");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return fields(response);
    }

    private JsonNode statistics(String query) {
        HttpResponse<String> response = http.getBasic("/api/settlement/statistics?" + RANGE + "&" + query, "manager",
                "manager");
        if (query.isEmpty()) {
            response = http.getBasic("/api/settlement/statistics", "manager", "manager");
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private List<String> rows(String query) {
        List<String> rows = new ArrayList<>();
        statistics(query).get("rows").forEach(r -> rows.add(row(r)));
        return rows;
    }

    private static String row(JsonNode r) {
        return String.join("|", r.get("month").asText(), r.get("reports").asText(), r.get("supply").asText(),
                r.get("vat").asText(), r.get("total").asText(), text(r, "paid"), text(r, "withheld"),
                text(r, "totalChange"), text(r, "totalChangePercent"));
    }

    private static String text(JsonNode r, String field) {
        JsonNode value = r.get(field);
        return value == null || value.isNull() ? "null" : value.asText();
    }
}
