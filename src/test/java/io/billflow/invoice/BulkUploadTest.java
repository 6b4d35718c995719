package io.billflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.invoice.bulk.BulkColumns;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@BillflowSpringTest
class BulkUploadTest {

    static final Pattern JOB = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final String HEADER = String.join(",", BulkColumns.ALL);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;
    String buyerCorpNum;
    String partnerCorpNum;
    String today;

    @BeforeEach
    void parties() {
        http = new TestHttp(port);
        InvoiceFixtures fixtures = new InvoiceFixtures(http);
        long buyer = fixtures.buyerCompany();
        long partner = fixtures.linkedPartner("(주)대량상사");
        buyerCorpNum = jdbc.queryForObject("select corp_num from buyer_company where id = ?", String.class, buyer);
        partnerCorpNum = jdbc.queryForObject("select corp_num from partner where id = ?", String.class, partner);
        today = InvoiceFixtures.YMD.format(LocalDate.now(ZoneId.of("Asia/Seoul")));
    }

    /** 10,000 rows = 5,000 two-line invoices; three of them broken in different ways. */
    @Test
    void tenThousandRowsWithSomeBadOnesAcceptTheValidInvoices() {
        String prefix = "B" + System.nanoTime() % 1_000_000 + "-";
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5_000; i++) {
            String key = prefix + i;
            String date = i == 10 ? "20261399" : today;                 // row 22: impossible date
            String partner = i == 2_000 ? "2208162517" : partnerCorpNum; // row 4002: nobody registered under it
            String tax = i == 4_321 ? "10001" : "10000";               // row 8644: wrong VAT
            csv.append(row(key, buyerCorpNum, partner, date, "광고비 \"A\", 상반기", "100000", tax));
            csv.append(row(key, "", "", "", "검색 광고", "50000", "")); // second line: tax computed
        }
        long before = count();

        HttpResponse<String> accepted = http.upload("/api/invoices/bulk?mode=ACCEPT_VALID&action=DRAFT", "big.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), "operator", "operator");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).isPresent();
        String job = job(accepted);

        String result = awaitFinished(job, Duration.ofMinutes(4));
        assertThat(result).contains("\"status\":\"COMPLETED\"", "\"totalRows\":10000", "\"totalInvoices\":5000",
                "\"acceptedInvoices\":4997", "\"rejectedInvoices\":3");
        assertThat(result).contains("{\"row\":22,\"column\":\"writeDate\"", "{\"row\":4002,\"column\":\"partnerCorpNum\"",
                "{\"row\":8644,\"column\":\"tax\"");
        assertThat(count() - before).isEqualTo(4_997);
        assertThat(jdbc.queryForObject("select total_amount from tax_invoice where invoicee_mgt_key = ?",
                Long.class, prefix + "1")).isEqualTo(165_000L);
        System.out.println("BULK-BENCH " + result.replaceAll(".*\"rowsPerSecond\":([0-9.]+).*", "rows/s=$1"));

        HttpResponse<String> report = http.getBasic("/api/invoices/bulk/" + job + "/report.csv", "operator", "operator");
        assertThat(report.body()).contains("22,\"writeDate\"", "8644,\"tax\"").contains("createdInvoiceId");
    }

    @Test
    void allOrNothingWritesNothingWhenOneRowIsBad() {
        String prefix = "AON" + System.nanoTime() % 1_000_000 + "-";
        String csv = HEADER + "\n" + row(prefix + 1, buyerCorpNum, partnerCorpNum, today, "정상", "100000", "10000")
                + row(prefix + 2, buyerCorpNum, partnerCorpNum, today, "정상", "100000", "")
                + row(prefix + 3, buyerCorpNum, partnerCorpNum, today, "음수", "-100000", "");
        long before = count();
        String job = job(http.upload("/api/invoices/bulk", "aon.csv", csv.getBytes(StandardCharsets.UTF_8),
                "operator", "operator"));
        String result = awaitFinished(job, Duration.ofSeconds(30));
        assertThat(result).contains("\"status\":\"REJECTED\"", "\"mode\":\"ALL_OR_NOTHING\"", "\"row\":4",
                "\"createdInvoiceIds\":[]");
        assertThat(count()).isEqualTo(before);

        String fixed = csv.replace("-100000", "100000");
        String ok = awaitFinished(job(http.upload("/api/invoices/bulk?action=REQUEST", "aon.csv",
                fixed.getBytes(StandardCharsets.UTF_8), "operator", "operator")), Duration.ofSeconds(30));
        assertThat(ok).contains("\"status\":\"COMPLETED\"", "\"acceptedInvoices\":3");
        assertThat(jdbc.queryForObject("select count(*) from tax_invoice where invoicee_mgt_key like ? and state_code = 200",
                Integer.class, prefix + "%")).isEqualTo(3);
    }

    @Test
    void xlsxFilesAreReadLikeCsv() throws Exception {
        String key = "X" + System.nanoTime() % 1_000_000;
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            List<String> header = BulkColumns.ALL;
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            Row r = sheet.createRow(1);
            String[] values = row(key, buyerCorpNum, partnerCorpNum, today, "엑셀 품목", "300000", "").strip().split(",", -1);
            for (int c = 0; c < values.length; c++) {
                if (c == BulkColumns.ALL.indexOf(BulkColumns.SUPPLY_COST)) {
                    r.createCell(c).setCellValue(300000); // a numeric cell, as spreadsheets store amounts
                } else {
                    r.createCell(c).setCellValue(values[c]);
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        String result = awaitFinished(job(http.upload("/api/invoices/bulk", "one.xlsx", xlsx, "operator", "operator")),
                Duration.ofSeconds(30));
        assertThat(result).as(result).contains("\"status\":\"COMPLETED\"", "\"acceptedInvoices\":1");
        assertThat(jdbc.queryForObject("select tax_total from tax_invoice where invoicee_mgt_key = ?", Long.class, key))
                .isEqualTo(30_000L);
    }

    @Test
    void unreadableFilesAreRefusedAtOnceNamingRowAndColumn() {
        HttpResponse<String> unknownColumn = http.upload("/api/invoices/bulk", "bad.csv",
                (HEADER + ",vatRate\nA,1,2\n").getBytes(StandardCharsets.UTF_8), "operator", "operator");
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(unknownColumn.body()).contains("{\"row\":1,\"column\":\"vatRate\"");

        HttpResponse<String> missing = http.upload("/api/invoices/bulk", "bad.csv",
                "invoiceeMgtKey,writeDate\nA,20261101\n".getBytes(StandardCharsets.UTF_8), "operator", "operator");
        assertThat(missing.body()).contains("\"column\":\"supplyCost\"", "required column is missing");

        assertThat(http.upload("/api/invoices/bulk", "x.pdf", new byte[] {1, 2}, "operator", "operator").body())
                .contains(".csv (UTF-8) or .xlsx");
        assertThat(http.upload("/api/invoices/bulk", "x.csv", new byte[] {(byte) 0xc3, 0x28, 0x0a}, "operator", "operator")
                .body()).contains("not UTF-8");
        assertThat(http.upload("/api/invoices/bulk", "x.csv", "a".getBytes(), "manager", "manager").statusCode())
                .isEqualTo(403);
    }

    @Test
    void templatesCarryTheHeader() throws Exception {
        HttpResponse<String> csv = http.getBasic("/api/invoices/bulk/template.csv", "operator", "operator");
        assertThat(csv.body()).startsWith("\uFEFF" + HEADER);
        HttpResponse<byte[]> xlsx = http.getBytes("/api/invoices/bulk/template.xlsx", "operator", "operator");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("invoiceeMgtKey");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
    }

    private String row(String key, String buyer, String partner, String date, String item, String supply, String tax) {
        // invoiceeMgtKey,buyerCorpNum,partnerCorpNum,partnerTaxRegID,writeDate,taxType,purposeType,chargeDirection,
        // remark1,remark2,remark3,lateIssue,purchaseDT,itemName,spec,qty,unitCost,supplyCost,tax,lineRemark
        boolean first = !buyer.isEmpty();
        String quotedItem = item.contains(",") || item.contains("\"") ? "\"" + item.replace("\"", "\"\"") + "\"" : item;
        return String.join(",", key, buyer, partner, "", date, first ? "과세" : "", first ? "청구" : "", "", "", "", "",
                "", today, quotedItem, "", "", "", supply, tax, "") + "\n";
    }

    private String job(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Matcher m = JOB.matcher(response.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String awaitFinished(String job, Duration timeout) {
        String[] body = new String[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            body[0] = http.getBasic("/api/invoices/bulk/" + job, "operator", "operator").body();
            return !body[0].contains("\"status\":\"QUEUED\"") && !body[0].contains("\"status\":\"RUNNING\"");
        });
        return body[0];
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from tax_invoice", Long.class);
    }
}
