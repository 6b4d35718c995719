package io.billflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.billflow.invoice.InvoiceFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's walkthrough, over HTTP as a newcomer would click it: request an invoice, open the
 * supplier's mail on /dev/mailbox, follow its link, prove the business number, register a test
 * certificate from /dev/test-certificates, approve, run the nightly batch, see 304 and the approval number.
 * (The job executor is off in tests, so the batch's jobs are executed here one by one.)
 */
@BillflowSpringTest
class NewcomerWalkthroughTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    io.billflow.notification.application.MailOutboxWorker mailWorker;

    @Test
    void requestApproveTransmit() {
        TestHttp operator = new TestHttp(port);
        InvoiceFixtures fixtures = new InvoiceFixtures(operator);
        String corpNum = TestData.newBusinessNumber();
        long partnerId = InvoiceFixtures.id(operator.postJson("/api/partners",
                TestData.partnerJson(corpNum, "(주)처음상사"), "operator", "operator"));
        operator.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
        String key = "WALK-" + partnerId;
        long invoiceId = InvoiceFixtures.id(operator.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(fixtures.buyerCompany(), partnerId, key), "operator", "operator"));

        // the supplier's mail on the mailbox page, its link, the business number, a TEST certificate, 승인
        SupplierBrowser supplier = SupplierBrowser.fromIssueRequestMail(port, key, corpNum, () -> mailWorker.deliverBatch(50));
        supplier.registersTestCertificate(operator, partnerId).approves(invoiceId);
        assertThat(operator.getBasic("/api/invoices/" + invoiceId, "operator", "operator").body()).contains("\"stateCode\":300");

        // the nightly batch, now
        HttpResponse<String> run = operator.postJson("/api/admin/nts/run-nightly-batch", "", "admin", "admin");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        String night = run.body().replaceAll(".*\"processInstanceId\":\"([^\"]+)\".*", "$1");
        for (int step = 0; step < 50; step++) {
            Job next = managementService.createJobQuery().processInstanceId(night).singleResult();
            if (next == null) {
                break;
            }
            managementService.executeJob(next.getId());
        }
        String transmitted = operator.getBasic("/api/invoices/" + invoiceId, "operator", "operator").body();
        assertThat(transmitted).contains("\"stateCode\":304").containsPattern("\"ntsConfirmNum\":\"\\d{24}\"");
    }
}
