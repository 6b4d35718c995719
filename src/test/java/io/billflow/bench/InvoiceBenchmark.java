package io.billflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.bulk.BulkColumns;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures, on this machine, through the real HTTP stack and the embedded PostgreSQL:
 * the latency of creating an invoice draft (POST /api/invoices), and the throughput of a
 * 10,000-row bulk upload. Not part of ./mvnw verify; run it with
 * {@code ./mvnw verify -Pbenchmark}. Results go to stdout and target/benchmarks/invoice.txt.
 */
@Tag("benchmark")
@BillflowSpringTest
class InvoiceBenchmark {

    static final int WARM_UP = 100;
    static final int MEASURED = 1_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createLatencyAndBulkThroughput() throws IOException {
        TestHttp http = new TestHttp(port);
        InvoiceFixtures fixtures = new InvoiceFixtures(http);
        long buyer = fixtures.buyerCompany();
        long partner = fixtures.linkedPartner("(주)벤치마크");
        String run = "P" + System.nanoTime() % 100_000 + "-";

        for (int i = 0; i < WARM_UP; i++) {
            create(http, buyer, partner, run + "W" + i);
        }
        long[] nanos = new long[MEASURED];
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            create(http, buyer, partner, run + i);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        String latency = String.format("POST /api/invoices (2 lines, sequential, %d calls): p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms, %.0f invoices/s", MEASURED, ms(nanos, 0.50), ms(nanos, 0.95),
                ms(nanos, 0.99), nanos[MEASURED - 1] / 1e6, MEASURED / seconds);

        String buyerCorpNum = jdbc.queryForObject("select corp_num from buyer_company where id = ?", String.class, buyer);
        String partnerCorpNum = jdbc.queryForObject("select corp_num from partner where id = ?", String.class, partner);
        String today = InvoiceFixtures.YMD.format(LocalDate.now(ZoneId.of("Asia/Seoul")));
        StringBuilder csv = new StringBuilder(String.join(",", BulkColumns.ALL)).append('\n');
        for (int i = 0; i < 5_000; i++) {
            String key = run + "B" + i;
            csv.append(String.join(",", key, buyerCorpNum, partnerCorpNum, "", today, "과세", "청구", "", "", "", "", "",
                    today, "광고비", "", "", "", "100000", "", "")).append('\n');
            csv.append(String.join(",", key, "", "", "", "", "", "", "", "", "", "", "", today, "검색 광고", "", "", "",
                    "50000", "", "")).append('\n');
        }
        HttpResponse<String> upload = http.upload("/api/invoices/bulk?mode=ALL_OR_NOTHING", "bench.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), "operator", "operator");
        assertThat(upload.statusCode()).isEqualTo(202);
        Matcher job = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(upload.body());
        assertThat(job.find()).isTrue();
        String[] body = new String[1];
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            body[0] = http.getBasic("/api/invoices/bulk/" + job.group(1), "operator", "operator").body();
            return body[0].contains("\"finishedAt\"");
        });
        assertThat(body[0]).contains("\"status\":\"COMPLETED\"", "\"acceptedInvoices\":5000");
        String bulk = "Bulk upload, 10,000 rows = 5,000 two-line invoices, all-or-nothing: "
                + body[0].replaceAll(".*\"rowsPerSecond\":([0-9.]+).*", "$1") + " rows/s";

        Runtime rt = Runtime.getRuntime();
        String memory = String.format("JVM heap after the run: %d MiB used of %d MiB committed",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20);
        String report = String.join(System.lineSeparator(), latency, bulk, memory) + System.lineSeparator();
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "invoice.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static void create(TestHttp http, long buyer, long partner, String key) {
        HttpResponse<String> response = http.postJson("/api/invoices", InvoiceFixtures.invoiceJson(buyer, partner, key),
                "api-client", "api-client");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
    }
}
