package io.billflow.e2e;

import io.billflow.certificate.testpki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.billflow.SupplierBrowser;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.issuance.IssuanceService;
import io.billflow.nts.simulator.NtsSimulator;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reverse issuance end to end with the real job executor: the REST API, the supplier's mail, the portal
 * pages, the NTS simulator over HTTP and GreenMail — nothing is driven by hand, everything is awaited.
 */
@BillflowEndToEndTest
class ReverseIssuanceEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String NTS_KEY = "local-nts-simulator-key";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    NtsSimulator simulator;

    @Autowired
    IssuanceService issuance;

    TestHttp staff;
    InvoiceFixtures fixtures;
    long buyerCompanyId;

    @BeforeEach
    void setUp() {
        staff = new TestHttp(port);
        fixtures = new InvoiceFixtures(staff);
        buyerCompanyId = fixtures.buyerCompany();
    }

    @Test
    void approvedAtThePortalTransmittedByTheNightlyBatchBothSidesTold() {
        String corpNum = TestData.newBusinessNumber();
        long partnerId = linkedPartner(corpNum, "(주)끝까지상사");
        String key = "E2E-OK-" + partnerId;
        long invoiceId = request(partnerId, key);

        SupplierBrowser supplier = SupplierBrowser.fromIssueRequestMail(port, key, corpNum, () -> { });
        supplier.registersTestCertificate(staff, partnerId).approves(invoiceId);
        assertThat(invoice(invoiceId)).contains("\"stateCode\":300");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailsTo("tax+" + corpNum + "@partner.co.kr"))
                .anySatisfy(subject -> assertThat(subject).contains("발급")));

        HttpResponse<String> night = staff.postJson("/api/admin/nts/run-nightly-batch", "", "admin", "admin");
        assertThat(night.statusCode()).as(night.body()).isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(invoice(invoiceId))
                .contains("\"stateCode\":304").containsPattern("\"ntsConfirmNum\":\"\\d{24}\""));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reverseProcessState(invoiceId)).isEqualTo("COMPLETED"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(mailsTo("tax+" + corpNum + "@partner.co.kr")).anySatisfy(s -> assertThat(s).contains("전송"));
            assertThat(mailsTo("billing@billflow-media.kr")).anySatisfy(s -> assertThat(s).contains("전송"));
        });
        assertThat(count("select count(*) from tax_invoice_history where invoice_id = ? and to_state = 304", invoiceId))
                .isEqualTo(1);
    }

    @Test
    void rejectedAtThePortalTheBuyerIsTold() {
        String corpNum = TestData.newBusinessNumber();
        long partnerId = linkedPartner(corpNum, "(주)거절상사");
        String key = "E2E-NO-" + partnerId;
        long invoiceId = request(partnerId, key);

        SupplierBrowser.fromIssueRequestMail(port, key, corpNum, () -> { }).rejects(invoiceId, "단가가 계약과 다릅니다");

        assertThat(invoice(invoiceId)).contains("\"stateCode\":400");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reverseProcessState(invoiceId)).isEqualTo("COMPLETED"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailsTo("billing@billflow-media.kr"))
                .anySatisfy(s -> assertThat(s).contains("거부")));
    }

    @Test
    void refusedByNtsBecomesAnOperationsTaskThenRetransmittedAfterTheFix() throws Exception {
        String corpNum = TestData.newBusinessNumber();
        long partnerId = fixtures.supplierWithCertificate(corpNum, "(주)폐업오인상사");
        long invoiceId = request(partnerId, "E2E-305-" + partnerId);
        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
        ntsSimulator("PUT", "/businesses/" + corpNum, "{\"status\":\"CLOSED\"}");

        assertThat(staff.postJson("/api/invoices/" + invoiceId + "/send-to-nts", "", "operator", "operator").statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(invoice(invoiceId)).contains("\"stateCode\":305"));
        String[] taskId = new String[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            String tasks = staff.getBasic("/engine-rest/task?processInstanceBusinessKey=" + invoiceId, "operator", "operator").body();
            assertThat(tasks).contains("Task_HandleTransmissionFailure");
            taskId[0] = tasks.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        });

        ntsSimulator("PUT", "/businesses/" + corpNum, "{\"status\":\"ACTIVE\"}"); // NTS's record was wrong; fixed
        HttpResponse<String> done = staff.postJson("/engine-rest/task/" + taskId[0] + "/submit-form",
                "{\"variables\":{\"transmissionDecision\":{\"value\":\"retransmit\"}}}", "operator", "operator");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(invoice(invoiceId)).contains("\"stateCode\":304"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reverseProcessState(invoiceId)).isEqualTo("COMPLETED"));
    }

    @Test
    void aFlakyNtsStillTransmitsEveryInvoiceExactlyOnce() throws Exception {
        List<Long> invoices = new ArrayList<>();
        String corpNum = TestData.newBusinessNumber();
        long partnerId = fixtures.supplierWithCertificate(corpNum, "(주)흔들림상사");
        for (int i = 0; i < 12; i++) {
            long invoiceId = request(partnerId, "E2E-FLAKY-" + partnerId + "-" + i);
            issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
            invoices.add(invoiceId);
        }
        NtsSimulator.Faults healthy = simulator.faults();
        ntsSimulator("PUT", "/faults", """
                {"resultDelay":"PT0.3S","minLatency":"PT0.005S","maxLatency":"PT0.02S","transientFailureRate":0.3,
                 "permanentErrorRate":0,"lostResponseRate":0.3,"outage":false}""");
        try {
            staff.postJson("/api/admin/nts/run-nightly-batch", "", "admin", "admin");
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(invoices)
                    .allSatisfy(id -> assertThat(invoice(id)).contains("\"stateCode\":304")));
        } finally {
            simulator.setFaults(healthy);
        }
        for (long id : invoices) {
            assertThat(count("select count(*) from tax_invoice_history where invoice_id = ? and to_state = 304", id))
                    .as("invoice %d reached 304 once", id).isEqualTo(1);
            assertThat(count("select count(*) from notification_message where dedup_key like ? and channel = 'EMAIL'",
                    "invoice-transmitted:" + id + ":%")).as("one transmitted notice each to supplier and buyer").isEqualTo(2);
            String approval = jdbc.queryForObject("select nts_confirm_num from tax_invoice where id = ?", String.class, id).strip();
            assertThat(simulator.submissions(approval)).as("handed over at least once").isPositive();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(invoices)
                .allSatisfy(id -> assertThat(reverseProcessState(id)).isEqualTo("COMPLETED")));
    }

    private long linkedPartner(String corpNum, String name) {
        long partnerId = InvoiceFixtures.id(staff.postJson("/api/partners", TestData.partnerJson(corpNum, name),
                "operator", "operator"));
        staff.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
        return partnerId;
    }

    private long request(long partnerId, String key) {
        HttpResponse<String> requested = staff.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(buyerCompanyId, partnerId, key), "operator", "operator");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        return InvoiceFixtures.id(requested);
    }

    private String invoice(long id) {
        return staff.getBasic("/api/invoices/" + id, "operator", "operator").body();
    }

    private String reverseProcessState(long invoiceId) {
        String body = staff.getBasic("/engine-rest/history/process-instance?processDefinitionKey=reverseInvoiceProcess"
                + "&processInstanceBusinessKey=" + invoiceId, "admin", "admin").body();
        return body.replaceAll("(?s).*\"state\":\"([A-Z_]+)\".*", "$1");
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private List<String> mailsTo(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            Address[] to = message.getAllRecipients();
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address))) {
                subjects.add(MimeUtility.decodeText(message.getSubject()));
            }
        }
        return subjects;
    }

    private void ntsSimulator(String method, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/nts-simulator/v1" + path))
                .header("Authorization", "Bearer " + NTS_KEY).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
