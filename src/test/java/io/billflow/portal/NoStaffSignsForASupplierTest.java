package io.billflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import io.billflow.BillflowSpringTest;
import io.billflow.Inbox;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.notification.application.MailOutboxWorker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * #13.1 as an attacker on the staff side: every staff group, knowing the partner's business number and even the
 * password of the certificate it registered for the partner, tries every path to a signature, approval, refusal or
 * cancellation in the partner's name — invitations, the notifications API, metrics, a portal session of its own,
 * the engine's message correlation — and the invoice stays unsigned and requested. The link exists in clear only
 * in the partner's mailbox.
 */
@BillflowSpringTest
class NoStaffSignsForASupplierTest {

    /** A live portal token in a URL: the placeholders ("sealed-17", "erased") are shorter than any token. */
    static final Pattern LIVE_TOKEN = Pattern.compile("/portal/access/[A-Za-z0-9_-]{20,}");
    static final List<String> STAFF = List.of("operator", "manager", "manager2", "api-client", "admin");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    MailOutboxWorker mailWorker;

    TestHttp http;
    String corpNum;
    long partnerId;
    long invoiceId;

    @BeforeEach
    void aRequestWaitsForTheSupplierWhoseCertificateStaffRegistered() {
        http = new TestHttp(port);
        corpNum = TestData.newBusinessNumber();
        partnerId = InvoiceFixtures.id(http.postJson("/api/partners", TestData.partnerJson(corpNum, "(주)남의이름"),
                "operator", "operator"));
        http.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
        // the worst case: the operator uploaded the partner's certificate and so knows its password
        HttpResponse<String> registered = http.multipart("/api/partners/" + partnerId + "/certificates",
                Map.of("pfx", new TestHttp.FilePart("c.pfx", TestPki.endEntity().businessNumber(corpNum).build()
                        .pkcs12(TestPki.Pkcs12Encryption.PBES2_SEED, TestPki.password()))),
                Map.of("password", TestPki.PASSWORD), "operator", "operator");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        invoiceId = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(new InvoiceFixtures(http).buyerCompany(), partnerId, "IMPOSTOR-" + partnerId),
                "operator", "operator"));
    }

    @Test
    void noStaffGroupObtainsALinkOrCausesADecisionInThePartnersName() {
        for (String user : STAFF) {
            HttpResponse<String> invitation = http.postJson("/api/partners/" + partnerId + "/portal-invitations", "",
                    user, user);
            assertThat(invitation.statusCode()).as(user).isIn(201, 403);
            assertNoLiveToken(user + " invitation", invitation.body());

            HttpResponse<String> messages = http.getBasic("/api/notifications?recipient=partner:" + partnerId
                    + "&size=100", user, user);
            assertNoLiveToken(user + " notifications", messages.body());
            for (Long id : jdbc.queryForList("select id from notification_message where recipient_key = ?", Long.class,
                    "partner:" + partnerId)) {
                assertNoLiveToken(user + " notification " + id,
                        http.getBasic("/api/notifications/" + id, user, user).body());
            }
            assertNoLiveToken(user + " metrics", http.getBasic("/actuator/prometheus", user, user).body());

            // a staff account opens no portal session, by Basic or by its own login
            for (String action : List.of("approve", "reject", "cancel-issue")) {
                HttpResponse<String> basic = http.postJson("/portal/invoices/" + invoiceId + "/" + action
                        + "?certificatePassword=" + TestPki.PASSWORD + "&reason=x", "", user, user);
                assertThat(basic.statusCode()).as(user + " " + action).isIn(401, 403);
            }
            TestHttp session = new TestHttp(port);
            session.login(user, user);
            assertThat(session.get("/portal/invoices").statusCode()).as(user + " portal").isIn(401, 403);
            assertThat(session.postForm("/portal/invoices/" + invoiceId + "/approve",
                    "certificatePassword=" + TestPki.PASSWORD).statusCode()).as(user + " portal form").isIn(401, 403);

            // the engine's message is not an approval: no staff group but the engine admin may send it at all
            HttpResponse<String> correlated = http.postJson("/engine-rest/message", "{\"messageName\":"
                    + "\"Message_SupplierApproved\",\"businessKey\":\"" + invoiceId + "\"}", user, user);
            if (!"admin".equals(user)) {
                assertThat(correlated.statusCode()).as(user + " correlates the approval").isGreaterThanOrEqualTo(400);
            }
        }
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .as("still waiting for the supplier").isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from certificate_signature_audit where subject_id = ?",
                Integer.class, String.valueOf(invoiceId))).as("nothing signed").isZero();
        assertThat(jdbc.queryForObject("select count(*) from tax_invoice_document where invoice_id = ?", Integer.class,
                invoiceId)).isZero();
    }

    @Test
    void theLinkIsInClearInThePartnersMailboxOnlyAndOpensForItsProofAlone() {
        Inbox inbox = new Inbox(greenMail, jdbc, mailWorker);
        String link = inbox.portalLink("invoice-requested:" + invoiceId + ":");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("""
                select count(*) from notification_message where coalesce(text_body, '') || coalesce(html_body, '')
                    || coalesce(variables, '') || coalesce(subject, '') || coalesce(sealed_secrets, '') like ?""",
                Integer.class, "%" + token + "%")).as("not in the outbox").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where coalesce(detail, '') like ?", Integer.class,
                "%" + token + "%")).as("not in the audit log").isZero();
        // the e-mail's sealed copy goes when the server takes it, a text's on its delivery report
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ? "
                        + "and sealed_secrets is not null", Integer.class, "invoice-requested:" + invoiceId + ":%"))
                        .as("the sealed copy is erased once delivered").isZero());
        assertThat(jdbc.queryForObject("select text_body from notification_message where dedup_key like ? "
                + "and channel = 'EMAIL'", String.class, "invoice-requested:" + invoiceId + ":%"))
                .as("the stored copy shows where the link was").contains("/portal/access/sealed-");

        // with the link and the business number the partner is in, but the decision still needs the password
        TestHttp supplier = new TestHttp(port);
        String page = supplier.get(link).body();
        supplier.postForm(link, "corpNum=" + corpNum + "&_csrf=" + TestHttp.csrfOf(page));
        String detail = supplier.get("/portal/invoices/" + invoiceId).body();
        supplier.postForm("/portal/invoices/" + invoiceId + "/approve", "_csrf=" + TestHttp.csrfOf(detail));
        assertThat(supplier.get("/portal/invoices/" + invoiceId).body()).contains("인증서 비밀번호를 입력해 주세요");
        supplier.postForm("/portal/invoices/" + invoiceId + "/reject", "reason=x&_csrf=" + TestHttp.csrfOf(detail));
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .as("a supplier with a certificate proves a refusal too").isEqualTo(200);
    }

    private static void assertNoLiveToken(String what, String body) {
        assertThat(LIVE_TOKEN.matcher(body == null ? "" : body).find()).as(what + ": " + body).isFalse();
    }
}
