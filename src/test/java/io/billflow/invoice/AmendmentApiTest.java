package io.billflow.invoice;

import static io.billflow.invoice.InvoiceFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 수정세금계산서 for each code. Transmission to NTS arrives with the reverse-issuance process; here the
 * original is put into 304 with an approval number directly in the database.
 */
@BillflowSpringTest
class AmendmentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;
    long original;
    String approval;
    String today;

    @BeforeEach
    void transmittedOriginal() {
        http = new TestHttp(port);
        InvoiceFixtures fixtures = new InvoiceFixtures(http);
        String key = "ORIG" + System.nanoTime() % 10_000_000;
        original = fixtures.draft(key);
        today = InvoiceFixtures.YMD.format(LocalDate.now(ZoneId.of("Asia/Seoul")));
        approval = today + "41000008" + String.format("%08d", original % 100_000_000);
        jdbc.update("update tax_invoice set state_code = 304, nts_confirm_num = ? where id = ?", approval, original);
    }

    @Test
    void code1WritesANegativeCopyAndTheCorrectedInvoice() {
        HttpResponse<String> response = amend("""
                {"modifyCode":1,"memo":"단가 오류","detailList":[
                  {"serialNum":1,"purchaseDT":"%s","itemName":"디스플레이 광고","supplyCost":1200000,"tax":120000}]}"""
                .formatted(today));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body())
                .containsSubsequence("\"supplyCostTotal\":-1500000", "\"taxTotal\":-150000", "\"totalAmount\":-1650000",
                        "\"supplyCostTotal\":1200000", "\"totalAmount\":1320000")
                .contains("\"modifyCode\":1", "\"orgNTSConfirmNum\":\"" + approval + "\"", "-M11\"", "-M12\"");
    }

    @Test
    void code2IsTheDifferenceOnTheDateOfTheChange() {
        HttpResponse<String> response = amend("""
                {"modifyCode":2,"writeDate":"%s","detailList":[
                  {"serialNum":1,"purchaseDT":"%s","itemName":"단가 인하분","supplyCost":-100000,"tax":-10000}]}"""
                .formatted(today, today));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"totalAmount\":-110000", "\"modifyCode\":2", "\"writeDate\":\"" + today + "\"");
        assertThat(amend("{\"modifyCode\":2}").body()).contains("\"field\":\"writeDate\"");
    }

    @Test
    void code3ReturnsAreNegative() {
        HttpResponse<String> positive = amend("""
                {"modifyCode":3,"writeDate":"%s","detailList":[
                  {"serialNum":1,"itemName":"반품","supplyCost":100000,"tax":10000}]}""".formatted(today));
        assertThat(positive.statusCode()).isEqualTo(400);
        assertThat(positive.body()).contains("\"field\":\"detailList[0].supplyCost\"");
    }

    @Test
    void code4CancelsTheFullAmountAndCode6TheDuplicate() {
        assertThat(amend("{\"modifyCode\":4,\"writeDate\":\"" + today + "\"}").body())
                .contains("\"totalAmount\":-1650000", "\"modifyCode\":4");
        assertThat(amend("{\"modifyCode\":6}").body()).contains("\"totalAmount\":-1650000", "\"modifyCode\":6");
    }

    @Test
    void code5PairsANegativeCopyWithAZeroRatedOne() {
        HttpResponse<String> response = amend("{\"modifyCode\":5}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).containsSubsequence("\"taxType\":\"과세\"", "\"totalAmount\":-1650000",
                "\"taxType\":\"영세\"", "\"taxTotal\":0", "\"totalAmount\":1500000");
    }

    @Test
    void onlyTransmittedOriginalsAreAmended() {
        jdbc.update("update tax_invoice set state_code = 300 where id = ?", original);
        HttpResponse<String> refused = amend("{\"modifyCode\":6}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("304");
        assertThat(http.postJson("/api/invoices/" + original + "/amendments", "{\"modifyCode\":9}", "operator", "operator")
                .body()).contains("\"field\":\"modifyCode\"");
    }

    @Test
    void theAmendmentsAreDraftsThatCanBeRequested() {
        HttpResponse<String> response = amend("{\"modifyCode\":6,\"invoiceeMgtKeys\":[\"DUPFIX-" + original + "\"]}");
        long amendmentId = id(response);
        HttpResponse<String> requested = http.postJson("/api/invoices/" + amendmentId + "/request", "{}", "operator", "operator");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
        assertThat(requested.body()).contains("\"stateCode\":200", "\"invoiceeMgtKey\":\"DUPFIX-" + original + "\"");
    }

    private HttpResponse<String> amend(String json) {
        return http.postJson("/api/invoices/" + original + "/amendments", json, "operator", "operator");
    }
}
