package io.billflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.InvoiceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supplier's path over HTTP: the issue-request e-mail's link, the business number, the pending
 * invoice, approve (or reject) — and nobody else's invoices.
 */
@BillflowSpringTest
class PortalInvoiceFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.icegreen.greenmail.util.GreenMail greenMail;

    @Autowired
    io.billflow.notification.application.MailOutboxWorker mailWorker;

    TestHttp staff;
    String corpNum;
    long partnerId;
    long invoiceId;

    @BeforeEach
    void requested() {
        staff = new TestHttp(port);
        corpNum = TestData.newBusinessNumber();
        partnerId = InvoiceFixtures.id(staff.postJson("/api/partners", TestData.partnerJson(corpNum, "(주)포털승인"),
                "operator", "operator"));
        staff.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
        invoiceId = InvoiceFixtures.id(staff.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(new InvoiceFixtures(staff).buyerCompany(), partnerId, "PORTAL-" + partnerId),
                "operator", "operator"));
    }

    TestHttp signedInSupplier() {
        String link = io.billflow.Inbox.portalLink(greenMail, jdbc, mailWorker, "invoice-requested:" + invoiceId + ":");
        TestHttp supplier = new TestHttp(port);
        String page = supplier.get(link).body();
        assertThat(supplier.postForm(link, "corpNum=" + corpNum + "&_csrf=" + TestHttp.csrfOf(page)).statusCode())
                .isEqualTo(302);
        return supplier;
    }

    @Test
    void theSupplierRegistersItsCertificateAndApproves() {
        TestHttp supplier = signedInSupplier();
        String list = supplier.get("/portal/invoices").body();
        assertThat(list).contains("PORTAL-" + partnerId, "1,650,000원");

        String detail = supplier.get("/portal/invoices/" + invoiceId).body();
        assertThat(detail).contains("역발행대기", "공동인증서를 등록");
        HttpResponse<String> noCertificate = supplier.postForm("/portal/invoices/" + invoiceId + "/approve",
                "_csrf=" + TestHttp.csrfOf(detail));
        assertThat(noCertificate.statusCode()).isEqualTo(302);
        assertThat(supplier.get("/portal/invoices/" + invoiceId).body()).contains("공동인증서를 먼저 등록");

        String home = supplier.get("/portal").body();
        assertThat(supplier.multipart("/portal/certificate", Map.of("pfx", new TestHttp.FilePart("c.pfx",
                        TestPki.endEntity().businessNumber(corpNum).build().pkcs12(TestPki.Pkcs12Encryption.PBES2_SEED,
                                TestPki.password()))),
                Map.of("password", new String(TestPki.password()), "_csrf", TestHttp.csrfOf(home)), null, null)
                .statusCode()).isEqualTo(302);

        String again = supplier.get("/portal/invoices/" + invoiceId).body();
        assertThat(again).contains("type=\"password\" name=\"certificatePassword\"");
        supplier.postForm("/portal/invoices/" + invoiceId + "/approve", "_csrf=" + TestHttp.csrfOf(again)
                + "&certificatePassword=Wrong-Passw0rd%3F");
        assertThat(supplier.get("/portal/invoices/" + invoiceId).body()).contains("인증서 비밀번호가 올바르지 않습니다", "1/5");
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .as("a wrong password signs nothing").isEqualTo(200);
        supplier.postForm("/portal/invoices/" + invoiceId + "/approve", "_csrf=" + TestHttp.csrfOf(again)
                + "&certificatePassword=" + java.net.URLEncoder.encode(TestPki.PASSWORD, java.nio.charset.StandardCharsets.UTF_8));
        String issued = supplier.get("/portal/invoices/" + invoiceId).body();
        assertThat(issued).contains("발행완료", "승인되어 전자세금계산서가 발급되었습니다", "발급 취소");
        assertThat(jdbc.queryForObject("select nts_confirm_num from tax_invoice where id = ?", String.class, invoiceId))
                .hasSize(24);
        assertThat(staff.getBasic("/api/invoices/" + invoiceId, "operator", "operator").body())
                .contains("\"stateCode\":300", "\"processActivity\":\"Gateway_CancelWindow\"");
    }

    @Test
    void theSupplierRejectsWithAReason() {
        TestHttp supplier = signedInSupplier();
        String detail = supplier.get("/portal/invoices/" + invoiceId).body();
        supplier.postForm("/portal/invoices/" + invoiceId + "/reject", "reason=%EB%8B%A8%EA%B0%80+%EC%98%A4%EB%A5%98&_csrf="
                + TestHttp.csrfOf(detail));
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("select state_memo from tax_invoice where id = ?", String.class, invoiceId))
                .isEqualTo("단가 오류");
    }

    @Test
    void anotherSuppliersInvoiceIsNotFound() {
        TestHttp supplier = signedInSupplier();
        long foreign = InvoiceFixtures.id(staff.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(new InvoiceFixtures(staff).buyerCompany(),
                        new InvoiceFixtures(staff).linkedPartner("(주)남의회사"), "FOREIGN-" + partnerId),
                "operator", "operator"));
        assertThat(supplier.get("/portal/invoices/" + foreign).statusCode()).isEqualTo(404);
        String page = supplier.get("/portal/invoices").body();
        assertThat(page).doesNotContain("FOREIGN-" + partnerId);
    }
}
