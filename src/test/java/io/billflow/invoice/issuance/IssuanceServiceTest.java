package io.billflow.invoice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.certificate.api.InvoiceSigning;
import io.billflow.certificate.api.NoValidCertificateException;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.api.InvoiceStateException;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The supplier's decisions on a requested invoice: approve (sign once), refuse, cancel before transmission. */
@BillflowSpringTest
class IssuanceServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    IssuanceService issuance;

    @Autowired
    InvoiceSigning signing;

    @Autowired
    JdbcTemplate jdbc;

    TestHttp http;
    String corpNum;
    long partnerId;
    long invoiceId;

    @BeforeEach
    void requestedInvoiceForASupplierWithACertificate() {
        http = new TestHttp(port);
        corpNum = TestData.newBusinessNumber();
        partnerId = new InvoiceFixtures(http).supplierWithCertificate(corpNum, "(주)발급상사");
        long buyer = new InvoiceFixtures(http).buyerCompany();
        invoiceId = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(buyer, partnerId, "ISS-" + partnerId), "operator", "operator"));
    }

    @Test
    void approvalSignsOnceAndIssuesWithAnApprovalNumber() {
        TaxInvoice issued = issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier:" + corpNum);
        String writeDate = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneId.of("Asia/Seoul")));
        assertThat(issued.stateCode()).isEqualTo(300);
        assertThat(issued.ntsConfirmNum()).hasSize(24).startsWith(writeDate + "41000000");

        byte[] signed = issuance.signedDocument(invoiceId);
        InvoiceSigning.SignatureCheck check = signing.verify(signed, corpNum);
        assertThat(check.valid()).as(check.reason()).isTrue();
        assertThat(new String(signed, java.nio.charset.StandardCharsets.UTF_8)).contains(issued.ntsConfirmNum());

        TaxInvoice again = issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier:" + corpNum);
        assertThat(again.ntsConfirmNum()).isEqualTo(issued.ntsConfirmNum());
        assertThat(jdbc.queryForObject("select count(*) from certificate_signature_audit where subject_id = ?",
                Integer.class, String.valueOf(invoiceId))).as("signed once").isEqualTo(1);
        assertThat(jdbc.queryForList("select channel || ':' || coalesce(attachments, '') from notification_message "
                        + "where dedup_key like ? and channel = 'EMAIL'", String.class, "invoice-issued:" + invoiceId + ":%"))
                .hasSize(2).allMatch(row -> row.contains("invoice-pdf:" + invoiceId));
        assertThat(http.getBasic("/api/invoices/" + invoiceId + "/history", "operator", "operator").body())
                .contains("\"fromState\":200,\"toState\":300");
    }

    @Test
    void aSupplierActsOnlyOnItsOwnInvoices() {
        assertThatThrownBy(() -> issuance.approve(invoiceId, partnerId + 100_000, false, TestPki.password(), "x"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> issuance.refuse(invoiceId, partnerId + 100_000, "no", TestPki.password(), "x"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void noRegisteredCertificateNoApproval() {
        jdbc.update("update certificate_registration set status = 'DELETED' where partner_id = ?", partnerId);
        assertThatThrownBy(() -> issuance.approve(invoiceId, partnerId, false, TestPki.password(), "x"))
                .isInstanceOf(NoValidCertificateException.class);
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .isEqualTo(200);
    }

    @Test
    void lateApprovalNeedsTheSuppliersConfirmation() {
        jdbc.update("update tax_invoice set issuance_deadline = current_date - 1 where id = ?", invoiceId);
        assertThatThrownBy(() -> issuance.approve(invoiceId, partnerId, false, TestPki.password(), "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lateIssueConfirmed");
        assertThat(issuance.approve(invoiceId, partnerId, true, TestPki.password(), "x").stateCode()).isEqualTo(300);
    }

    @Test
    void refusalNeedsAReasonAndTellsTheBuyer() {
        assertThatThrownBy(() -> issuance.refuse(invoiceId, partnerId, " ", TestPki.password(), "x")).isInstanceOf(InvalidInputException.class);
        TaxInvoice refused = issuance.refuse(invoiceId, partnerId, "단가가 계약과 다릅니다", TestPki.password(), "supplier");
        assertThat(refused.stateCode()).isEqualTo(400);
        assertThat(refused.stateMemo()).isEqualTo("단가가 계약과 다릅니다");
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                "invoice-rejected:" + invoiceId + ":buyer:%")).isEqualTo(1);
        assertThatThrownBy(() -> issuance.approve(invoiceId, partnerId, false, TestPki.password(), "x")).isInstanceOf(InvoiceStateException.class);
    }

    @Test
    void theIssueCanBeCancelledOnlyUntilTransmission() {
        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
        assertThat(issuance.cancelIssue(invoiceId, partnerId, "잘못 승인", TestPki.password(), "supplier").stateCode()).isEqualTo(600);

        long second = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(new InvoiceFixtures(http).buyerCompany(), partnerId, "ISS2-" + partnerId),
                "operator", "operator"));
        issuance.approve(second, partnerId, false, TestPki.password(), "supplier");
        jdbc.update("update tax_invoice set state_code = 304 where id = ?", second);
        assertThatThrownBy(() -> issuance.cancelIssue(second, partnerId, "늦음", TestPki.password(), "supplier"))
                .isInstanceOf(InvoiceStateException.class);
    }
}
