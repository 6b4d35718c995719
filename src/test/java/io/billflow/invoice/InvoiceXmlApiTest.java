package io.billflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.invoice.xml.TaxInvoiceXml;
import io.billflow.invoice.xml.TaxInvoiceXmlReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BillflowSpringTest
class InvoiceXmlApiTest {

    @LocalServerPort
    int port;

    TestHttp http;
    InvoiceFixtures fixtures;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        fixtures = new InvoiceFixtures(http);
    }

    @Test
    void aDraftAsNtsStandardXml() {
        String mgtKey = "XML-" + System.nanoTime() % 1_000_000_000L;
        HttpResponse<String> created = http.postJson("/api/invoices", InvoiceFixtures.invoiceJson(
                fixtures.buyerCompany(), fixtures.linkedPartner("(주)한빛광고"), mgtKey), "operator", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = InvoiceFixtures.id(created);
        String json = http.getBasic("/api/invoices/" + id, "operator", "operator").body();

        HttpResponse<String> response = http.getBasic("/api/invoices/" + id + "/xml", "operator", "operator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"" + mgtKey + ".xml\"");
        TaxInvoiceXml xml = new TaxInvoiceXmlReader().read(response.body().getBytes(StandardCharsets.UTF_8));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        assertThat(xml.exchange().referencedDocumentId()).isEqualTo(mgtKey);
        assertThat(xml.header().typeCode()).isEqualTo("0101");
        assertThat(xml.header().purposeCode()).isEqualTo("02");
        assertThat(xml.header().writeDate()).isEqualTo(today);
        assertThat(xml.header().descriptions()).containsExactly("2026년 10월 광고 정산");
        assertThat(xml.invoicer().id()).isEqualTo(field(json, "invoicerCorpNum")).matches("\\d{10}");
        assertThat(xml.invoicer().name()).isEqualTo("(주)한빛광고");
        assertThat(xml.invoicee().id()).isEqualTo(field(json, "invoiceeCorpNum")).matches("\\d{10}");
        assertThat(xml.invoicee().name()).isEqualTo("(주)빌플로우미디어");
        assertThat(xml.invoicee().businessTypeCode()).isEqualTo("01");
        assertThat(xml.summation()).isEqualTo(new TaxInvoiceXml.Summation(1_500_000, 150_000, 1_650_000));
        assertThat(xml.payments()).isEmpty();
        assertThat(xml.lines()).isEqualTo(List.of(
                new TaxInvoiceXml.Line(1, today, "디스플레이 광고", "CPM", new BigDecimal("1000"), 1000L, 1_000_000,
                        100_000, "10월분"),
                new TaxInvoiceXml.Line(2, today, "검색 광고", null, BigDecimal.ONE, 500_000L, 500_000, 50_000,
                        null)));
    }

    @Test
    void unknownInvoiceIsNotFound() {
        HttpResponse<String> response = http.getBasic("/api/invoices/987654321/xml", "operator", "operator");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anonymousCallersAreRefused() {
        long id = fixtures.draft("XML-ANON-" + System.nanoTime() % 1_000_000L);

        HttpResponse<String> response = http.get("/api/invoices/" + id + "/xml");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("TaxInvoice");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }
}
