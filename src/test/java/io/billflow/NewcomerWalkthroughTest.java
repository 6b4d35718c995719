package io.billflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    static final Pattern MAIL_ROW = Pattern.compile("<a href=\"/dev/mailbox/(\\d+)\">\\[billflow\\][^<]*발급 요청");
    static final Pattern PORTAL_LINK = Pattern.compile("href=\"https?://[^\"]*(/portal/access/[A-Za-z0-9_-]+)\"");

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

        // the supplier's mail, as shown on the mailbox page
        TestHttp staffBrowser = new TestHttp(port);
        staffBrowser.login("operator", "operator");
        String[] mailLink = new String[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            mailWorker.deliverBatch(50);
            String mailbox = staffBrowser.get("/dev/mailbox").body();
            Matcher row = MAIL_ROW.matcher(mailbox);
            while (row.find()) {
                String mail = staffBrowser.get("/dev/mailbox/" + row.group(1)).body();
                if (mail.contains(key)) {
                    Matcher link = PORTAL_LINK.matcher(mail);
                    if (link.find()) {
                        mailLink[0] = link.group(1);
                        return true;
                    }
                }
            }
            return false;
        });

        // the supplier follows it and proves its number
        TestHttp supplier = new TestHttp(port);
        String access = supplier.get(mailLink[0]).body();
        supplier.postForm(mailLink[0], "corpNum=" + corpNum + "&_csrf=" + TestHttp.csrfOf(access));
        assertThat(supplier.get("/portal/invoices").body()).contains(key);

        // a TEST certificate for this business number, registered in the portal
        HttpResponse<byte[]> pfx = operator.postBytes("/dev/test-certificates/" + partnerId, "operator", "operator");
        assertThat(pfx.statusCode()).isEqualTo(200);
        String password = pfx.headers().firstValue("X-Test-Certificate-Password").orElseThrow();
        String home = supplier.get("/portal").body();
        supplier.multipart("/portal/certificate", Map.of("pfx", new TestHttp.FilePart("test.pfx", pfx.body())),
                Map.of("password", password, "_csrf", TestHttp.csrfOf(home)), null, null);
        assertThat(supplier.get("/portal").body()).contains("공동인증서가 등록되었습니다");

        // approve
        String detail = supplier.get("/portal/invoices/" + invoiceId).body();
        supplier.postForm("/portal/invoices/" + invoiceId + "/approve", "_csrf=" + TestHttp.csrfOf(detail));
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
