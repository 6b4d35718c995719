package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.fields;
import static io.billflow.settlement.SettlementFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Monthly reports: JSON and CSV import, all or nothing, replaced until published, totals = Σ lines. */
@BillflowSpringTest
class SettlementReportApiTest {

    static final List<String> MEDIA = List.of("다음스포츠", "다음연예", "다음뉴스");
    static final String SEED_REPORT = """
            {"lines":[
              {"media":"다음스포츠","item":"2026년 10월 정산","supplyAmount":200000,"vat":20000,"total":220000},
              {"media":"다음연예","item":"2026년 10월 정산","supplyAmount":4780000,"vat":478000,"total":5258000},
              {"media":"다음뉴스","item":"2026년 10월 정산","supplyAmount":4940000,"vat":494000,"total":5434000}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;
    SettlementFixtures fixtures;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
    }

    @Test
    void aJsonImportStoresTheLinesAndTheirTotals() {
        long group = fixtures.group("상생RS>뉴스", MEDIA);
        HttpResponse<String> imported = put(group, "2026-10", SEED_REPORT);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.headers().firstValue("Location")).hasValue("/api/settlement/groups/" + group + "/reports/2026-10");
        JsonNode report = json(imported);
        assertThat(report.get("month").asText()).isEqualTo("2026-10");
        assertThat(report.get("status").asText()).isEqualTo("DRAFT");
        assertThat(report.get("vatRule").asText()).isEqualTo("TEN_PERCENT_TRUNCATED");
        assertThat(report.get("revision").asInt()).isEqualTo(1);
        assertThat(report.get("lineCount").asInt()).isEqualTo(3);
        assertThat(report.get("supplyTotal").asLong()).isEqualTo(9_920_000);
        assertThat(report.get("vatTotal").asLong()).isEqualTo(992_000);
        assertThat(report.get("totalAmount").asLong()).isEqualTo(10_912_000);
        assertThat(report.get("deadline").asText()).as("10 Nov 2026 is a Tuesday").isEqualTo("2026-11-10");
        assertThat(report.get("source").asText()).isEqualTo("JSON");
        assertThat(report.get("importedBy").asText()).isEqualTo("manager");
        assertThat(report.get("lines")).extracting(l -> l.get("media").asText()).containsExactlyElementsOf(MEDIA);

        HttpResponse<String> read = http.getBasic("/api/settlement/groups/" + group + "/reports/2026-10", "operator",
                "operator");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(report);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SETTLEMENT_REPORT_IMPORTED' "
                + "and subject_id = ?", Integer.class, report.get("id").asText())).isEqualTo(1);
    }

    @Test
    void aBadLineWritesNothingAndLeavesAnExistingDraftAsItWas() {
        long group = fixtures.group("전부아니면전무", MEDIA);
        HttpResponse<String> rejected = put(group, "2026-09", """
                {"lines":[
                  {"media":"다음스포츠","item":"2026년 9월 정산","supplyAmount":100000,"vat":10000,"total":110000},
                  {"media":"카카오페이지","item":"2026년 9월 정산","supplyAmount":100000,"vat":10000,"total":110000},
                  {"media":"다음연예","item":"2026년 9월 정산","supplyAmount":100009,"vat":10001,"total":110010},
                  {"media":"다음뉴스","item":"2026년 9월 정산","supplyAmount":100000,"vat":10000,"total":100000},
                  {"media":"다음뉴스","item":"","supplyAmount":-5,"vat":0,"total":-5}]}""");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(rejected)).containsExactly("lines[1].media", "lines[2].vat", "lines[3].total", "lines[4].item",
                "lines[4].supplyAmount", "lines[4].total");
        assertThat(reportCount(group)).isZero();

        assertThat(put(group, "2026-09", SEED_REPORT).statusCode()).isEqualTo(201);
        assertThat(put(group, "2026-09", SEED_REPORT.replace("\"vat\":20000", "\"vat\":20001")).statusCode()).isEqualTo(400);
        assertThat(put(group, "2026-09", "{\"lines\":[]}").statusCode()).isEqualTo(400);
        assertThat(fields(put(group, "2026-09", "{}"))).containsExactly("lines");
        JsonNode stored = json(http.getBasic("/api/settlement/groups/" + group + "/reports/2026-09", "manager", "manager"));
        assertThat(stored.get("revision").asInt()).isEqualTo(1);
        assertThat(stored.get("lines").get(0).get("vat").asLong()).isEqualTo(20_000);
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamed() {
        long group = fixtures.group("형식", MEDIA);
        assertThat(fields(put(group, "2026-10", """
                {"lines":[{"media":"다음뉴스","item":"정산","supplyAmount":"many","vat":0,"total":0}]}""")))
                .containsExactly("lines[0].supplyAmount");
        assertThat(fields(put(group, "2026-10", """
                {"lines":[{"media":"다음뉴스","item":"정산","supplyAmount":1,"vat":0,"total":1,"memo":"?"}]}""")))
                .containsExactly("lines[0].memo");
        assertThat(fields(put(group, "2026-13", SEED_REPORT))).containsExactly("month");
        String nextMonth = YearMonth.now().plusMonths(1).toString();
        assertThat(fields(put(group, nextMonth, SEED_REPORT))).as("a month that has not begun").containsExactly("month");
        assertThat(put(987654321L, "2026-10", SEED_REPORT).statusCode()).isEqualTo(404);
        assertThat(http.getBasic("/api/settlement/groups/" + group + "/reports/2025-01", "manager", "manager").statusCode())
                .isEqualTo(404);
        assertThat(http.putJson("/api/settlement/groups/" + group + "/reports/2026-10", SEED_REPORT, "operator", "operator")
                .statusCode()).as("operations read only").isEqualTo(403);
    }

    @Test
    void individualsAreSettledWithoutVat() {
        long partner = fixtures.individualPartner("김작가");
        long group = fixtures.group(partner, "개인 작가 정산", List.of("웹소설"));
        HttpResponse<String> withVat = put(group, "2026-10", """
                {"lines":[{"media":"웹소설","item":"2026년 10월 원고료","supplyAmount":1000000,"vat":100000,"total":1100000}]}""");
        assertThat(withVat.statusCode()).isEqualTo(400);
        assertThat(fields(withVat)).containsExactly("lines[0].vat");
        assertThat(json(withVat).get("errors").get(0).get("message").asText()).contains("individual");

        HttpResponse<String> withoutVat = put(group, "2026-10", """
                {"lines":[{"media":"웹소설","item":"2026년 10월 원고료","supplyAmount":1000000,"vat":0,"total":1000000}]}""");
        assertThat(withoutVat.statusCode()).isEqualTo(201);
        assertThat(json(withoutVat).get("vatRule").asText()).isEqualTo("NONE");
        assertThat(json(withoutVat).get("totalAmount").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void aReportIsReplacedUntilItIsPublished() {
        long group = fixtures.group("재업로드", MEDIA);
        assertThat(put(group, "2026-08", SEED_REPORT).statusCode()).isEqualTo(201);

        HttpResponse<String> replaced = put(group, "2026-08", """
                {"lines":[{"media":"다음뉴스","item":"2026년 8월 정산","supplyAmount":300000,"vat":30000,"total":330000},
                          {"media":"다음뉴스","item":"8월 환불 차감","supplyAmount":-10000,"vat":-1000,"total":-11000,
                           "adjustment":true}]}""");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode report = json(replaced);
        assertThat(report.get("revision").asInt()).isEqualTo(2);
        assertThat(report.get("lines")).hasSize(2);
        assertThat(report.get("totalAmount").asLong()).isEqualTo(319_000);
        assertThat(report.get("lines").get(1).get("adjustment").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from settlement_report_line where report_id = ?", Integer.class,
                report.get("id").asLong())).as("the old lines are gone").isEqualTo(2);

        jdbc.update("update settlement_report set status = 'IN_REVIEW' where id = ?", report.get("id").asLong());
        HttpResponse<String> inReview = put(group, "2026-08", SEED_REPORT);
        assertThat(inReview.statusCode()).as("still before publication").isEqualTo(200);
        assertThat(json(inReview).get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(json(inReview).get("revision").asInt()).isEqualTo(3);

        // publishing is the settlement process's job (still to come); here it is set directly
        jdbc.update("update settlement_report set status = 'PUBLISHED' where id = ?", report.get("id").asLong());
        HttpResponse<String> frozen = put(group, "2026-08", SEED_REPORT);
        assertThat(frozen.statusCode()).isEqualTo(409);
        assertThat(frozen.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(frozen)).containsExactly("status");
        assertThat(json(frozen).get("reportStatus").asText()).isEqualTo("PUBLISHED");
        HttpResponse<String> frozenCsv = csv(group, "2026-08", "report.csv",
                "media,item,supplyAmount,vat,total\n다음뉴스,정산,1000,100,1100\n".getBytes(StandardCharsets.UTF_8));
        assertThat(frozenCsv.statusCode()).isEqualTo(409);
        JsonNode unchanged = json(http.getBasic("/api/settlement/groups/" + group + "/reports/2026-08", "manager", "manager"));
        assertThat(unchanged.get("revision").asInt()).isEqualTo(3);
        assertThat(unchanged.get("totalAmount").asLong()).isEqualTo(10_912_000);
    }

    @Test
    void aCsvWithKoreanHeadersInUtf8WithBomOrCp949OrEucKrIsImported() {
        String csv = """
                매체명,품목,공급가액,세액,합계,조정
                다음스포츠,2026년 10월 정산,"200,000",20000,220000,
                다음연예,2026년 10월 정산,4780000,478000,"5,258,000원",N
                다음뉴스,10월 정산 차감,-10000,-1000,-11000,Y
                """;
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("x-windows-949"), Charset.forName("EUC-KR"))) {
            long group = fixtures.group("CSV " + charset.name(), MEDIA);
            byte[] content = charset == StandardCharsets.UTF_8 ? withBom(csv) : csv.getBytes(charset);
            HttpResponse<String> imported = csv(group, "2026-10", "10월 정산.csv", content);

            assertThat(imported.statusCode()).as(charset + ": " + imported.body()).isEqualTo(201);
            JsonNode report = json(imported);
            assertThat(report.get("lines")).extracting(l -> l.get("media").asText())
                    .containsExactly("다음스포츠", "다음연예", "다음뉴스");
            assertThat(report.get("lines").get(0).get("item").asText()).isEqualTo("2026년 10월 정산");
            assertThat(report.get("lines")).extracting(l -> l.get("adjustment").asBoolean()).containsExactly(false, false, true);
            assertThat(report.get("totalAmount").asLong()).isEqualTo(220_000 + 5_258_000 - 11_000);
            assertThat(report.get("source").asText()).isEqualTo("CSV 10월 정산.csv");
        }
    }

    @Test
    void aCsvNamesTheLineTheFieldAndTheRowOrTheFileProblem() {
        long group = fixtures.group("CSV 오류", MEDIA);
        HttpResponse<String> badCells = csv(group, "2026-10", "r.csv", """
                media,item,supplyAmount,vat,total

                다음스포츠,정산,12만,0,0
                다음연예,정산,1000,100,1100
                다음뉴스,정산,1000,101,1101
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(badCells.statusCode()).isEqualTo(400);
        assertThat(fields(badCells)).containsExactly("lines[0].supplyAmount");
        assertThat(badCells.body()).contains("CSV row 3");

        HttpResponse<String> badRule = csv(group, "2026-10", "r.csv", """
                media,item,supplyAmount,vat,total
                다음연예,정산,1000,100,1100
                다음뉴스,정산,1000,101,1101
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(fields(badRule)).containsExactly("lines[1].vat");
        assertThat(badRule.body()).contains("CSV row 3");

        assertThat(fields(csv(group, "2026-10", "r.csv", "media,item,supply,vat,total\n".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("file", "file");
        assertThat(fields(csv(group, "2026-10", "r.csv", "media,item,supplyAmount,vat,total\n".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("file");
        assertThat(fields(csv(group, "2026-10", "r.csv", new byte[0]))).containsExactly("file");
        assertThat(fields(csv(group, "2026-10", "r.xlsx", "a".getBytes(StandardCharsets.UTF_8)))).containsExactly("file");
        assertThat(fields(csv(group, "2026-10", "r.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x80})))
                .as("neither UTF-8 nor CP949").containsExactly("file");
        assertThat(reportCount(group)).isZero();
    }

    @Test
    void reportsAreListedByMonthStatusPartnerAndGroup() {
        long partner = fixtures.businessPartner("(주)목록");
        long first = fixtures.group(partner, "목록1", List.of("A"));
        long second = fixtures.group(partner, "목록2", List.of("B"));
        String line = "{\"lines\":[{\"media\":\"%s\",\"item\":\"정산\",\"supplyAmount\":1000,\"vat\":100,\"total\":1100}]}";
        long published = json(put(first, "2026-07", line.formatted("A"))).get("id").asLong();
        put(second, "2026-07", line.formatted("B"));
        put(second, "2026-06", line.formatted("B"));
        jdbc.update("update settlement_report set status = 'PUBLISHED' where id = ?", published);

        JsonNode july = json(http.getBasic("/api/settlement/reports?month=2026-07&partnerId=" + partner, "operator",
                "operator"));
        assertThat(july.get("total").asLong()).isEqualTo(2);
        assertThat(july.get("items")).extracting(r -> r.get("groupName").asText()).containsExactlyInAnyOrder("목록1", "목록2");
        JsonNode publishedOnly = json(http.getBasic("/api/settlement/reports?status=PUBLISHED&partnerId=" + partner,
                "operator", "operator"));
        assertThat(publishedOnly.get("items")).extracting(r -> r.get("id").asLong()).containsExactly(published);
        JsonNode ofGroup = json(http.getBasic("/api/settlement/groups/" + second + "/reports", "operator", "operator"));
        assertThat(ofGroup).extracting(r -> r.get("month").asText()).containsExactly("2026-07", "2026-06");
        assertThat(fields(http.getBasic("/api/settlement/reports?month=July", "operator", "operator")))
                .containsExactly("month");
    }

    /** Seeded: any mix of lines and deductions is stored with totals equal to the sums of its stored lines. */
    @Test
    void storedTotalsAreTheSumsOfTheStoredLines() {
        Random random = new Random(11_2026L);
        List<String> media = List.of("m1", "m2", "m3", "m4", "m5", "m6");
        long group = fixtures.group("합계검증", media);
        for (int month = 1; month <= 6; month++) {
            List<String> lines = new ArrayList<>();
            long supplyTotal = 0;
            long vatTotal = 0;
            for (String medium : media.subList(0, 1 + random.nextInt(media.size()))) {
                long supply = random.nextLong(1, 5_000_000_000L);
                lines.add(jsonLine(medium, "정산", supply, false));
                supplyTotal += supply;
                vatTotal += supply / 10;
                if (random.nextBoolean()) {
                    long deduction = -random.nextLong(1, supply);
                    lines.add(jsonLine(medium, "차감", deduction, true));
                    supplyTotal += deduction;
                    vatTotal += deduction / 10;
                }
            }
            HttpResponse<String> imported = put(group, "2026-0" + month, "{\"lines\":[" + String.join(",", lines) + "]}");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            long id = json(imported).get("id").asLong();

            Map<String, Object> sums = jdbc.queryForMap("""
                    select r.supply_total, r.vat_total, r.total_amount, r.line_count,
                           sum(l.supply_amount) as supply_sum, sum(l.vat) as vat_sum, sum(l.total) as total_sum,
                           count(l.*) as lines
                    from settlement_report r join settlement_report_line l on l.report_id = r.id
                    where r.id = ? group by r.id""", id);
            assertThat(((Number) sums.get("supply_total")).longValue()).isEqualTo(supplyTotal)
                    .isEqualTo(((Number) sums.get("supply_sum")).longValue());
            assertThat(((Number) sums.get("vat_total")).longValue()).isEqualTo(vatTotal)
                    .isEqualTo(((Number) sums.get("vat_sum")).longValue());
            assertThat(((Number) sums.get("total_amount")).longValue()).isEqualTo(supplyTotal + vatTotal)
                    .isEqualTo(((Number) sums.get("total_sum")).longValue());
            assertThat(((Number) sums.get("line_count")).longValue()).isEqualTo(lines.size())
                    .isEqualTo(((Number) sums.get("lines")).longValue());
        }
    }

    private static String jsonLine(String media, String item, long supply, boolean adjustment) {
        return "{\"media\":\"%s\",\"item\":\"%s\",\"supplyAmount\":%d,\"vat\":%d,\"total\":%d,\"adjustment\":%s}"
                .formatted(media, item, supply, supply / 10, supply + supply / 10, adjustment);
    }

    private HttpResponse<String> put(long group, String month, String body) {
        return http.putJson("/api/settlement/groups/" + group + "/reports/" + month, body, "manager", "manager");
    }

    private HttpResponse<String> csv(long group, String month, String fileName, byte[] content) {
        return http.upload("/api/settlement/groups/" + group + "/reports/" + month + "/csv", fileName, content, "manager",
                "manager");
    }

    private int reportCount(long group) {
        return jdbc.queryForObject("select count(*) from settlement_report where group_id = ?", Integer.class, group);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }
}
