package io.billflow.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.invoice.InvoiceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BillflowSpringTest
class InvoicePdfApiTest {

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void staffGetTheInvoiceAsAPdf() {
        String mgtKey = "PDF-" + System.nanoTime() % 1_000_000_000L;
        long id = new InvoiceFixtures(http).draft(mgtKey);
        String json = http.getBasic("/api/invoices/" + id, "operator", "operator").body();

        HttpResponse<byte[]> response = http.getBytes("/api/invoices/" + id + "/pdf", "operator", "operator");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"" + mgtKey + ".pdf\"");
        String text = PdfText.of(response.body());
        assertThat(text).contains(grouped(field(json, "invoicerCorpNum")), grouped(field(json, "invoiceeCorpNum")))
                .contains("(주)한빛광고", "(주)빌플로우미디어")
                .contains("1,500,000", "150,000", "1,650,000", "디스플레이 광고", "검색 광고")
                .contains("이 금액을 청구 함", mgtKey);
    }

    @Test
    void anonymousCallersAreRefused() {
        long id = new InvoiceFixtures(http).draft("PDF-ANON-" + System.nanoTime() % 1_000_000L);

        HttpResponse<byte[]> response = http.getBytes("/api/invoices/" + id + "/pdf", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
    }

    @Test
    void anUnknownInvoiceIsAProblemNotAPdf() {
        HttpResponse<byte[]> response = http.getBytes("/api/invoices/987654321/pdf", "operator", "operator");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("No invoice 987654321");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"(\\d{10})\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static String grouped(String corpNum) {
        return corpNum.substring(0, 3) + "-" + corpNum.substring(3, 5) + "-" + corpNum.substring(5);
    }
}
