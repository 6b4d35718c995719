package io.billflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** A supplier opens the e-mailed link, proves its business number, and registers its own certificate. */
@BillflowSpringTest
class SupplierPortalTest {


    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.icegreen.greenmail.util.GreenMail greenMail;

    @Autowired
    io.billflow.notification.application.MailOutboxWorker mailWorker;

    String corpNum;
    long partnerId;
    String accessPath;

    @BeforeEach
    void invited() {
        TestHttp staff = new TestHttp(port);
        corpNum = TestData.newBusinessNumber();
        partnerId = InvoiceFixtures.id(staff.postJson("/api/partners", TestData.partnerJson(corpNum, "(주)포털상사"),
                "operator", "operator"));
        HttpResponse<String> invitation = staff.postJson("/api/partners/" + partnerId + "/portal-invitations", "",
                "operator", "operator");
        assertThat(invitation.statusCode()).as(invitation.body()).isEqualTo(201);
        assertThat(invitation.body()).as("the caller learns where the link went, never the link")
                .doesNotContain("/portal/access/", "\"link\"").contains("\"sentTo\":\"");
        long invitationId = InvoiceFixtures.id(invitation);
        accessPath = new io.billflow.Inbox(greenMail, jdbc, mailWorker).portalLink("portal-invitation:" + invitationId + ":");
        String token = accessPath.substring(accessPath.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("select count(*) from portal_invitation where token_sha256 like ?", Integer.class,
                "%" + token + "%")).as("only the hash is stored").isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification_message where coalesce(text_body, '') || "
                + "coalesce(html_body, '') || coalesce(variables, '') || coalesce(sealed_secrets, '') like ?",
                Integer.class, "%" + token + "%")).as("the delivered link is nowhere in the outbox").isZero();
    }

    @Test
    void theSupplierProvesItsNumberAndRegistersItsCertificate() {
        TestHttp supplier = new TestHttp(port);
        HttpResponse<String> page = supplier.get(accessPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("(주)포털상사", "사업자등록번호");

        HttpResponse<String> wrong = supplier.postForm(accessPath, "corpNum=1208147521&_csrf=" + TestHttp.csrfOf(page.body()));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("일치하지 않습니다");

        String hyphenated = corpNum.substring(0, 3) + "-" + corpNum.substring(3, 5) + "-" + corpNum.substring(5);
        HttpResponse<String> proved = supplier.postForm(accessPath, "corpNum=" + hyphenated + "&_csrf="
                + TestHttp.csrfOf(wrong.body()));
        assertThat(proved.statusCode()).isEqualTo(302);
        HttpResponse<String> home = supplier.get("/portal");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("(주)포털상사", "등록된 인증서가 없습니다");

        TestPki.EndEntity entity = TestPki.endEntity().businessNumber(corpNum).build();
        Map<String, TestHttp.FilePart> files = new LinkedHashMap<>();
        files.put("signCert", new TestHttp.FilePart("signCert.der", entity.certificateDer()));
        files.put("signPri", new TestHttp.FilePart("signPri.key",
                entity.signPriKey(TestPki.KeyFormat.SEED_LEGACY, TestPki.password())));
        HttpResponse<String> registered = supplier.multipart("/portal/certificate", files,
                Map.of("password", new String(TestPki.password()), "_csrf", TestHttp.csrfOf(home.body())), null, null);
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(supplier.get("/portal").body()).contains("공동인증서가 등록되었습니다", "SEED_LEGACY");
        assertThat(supplier.get("/portal/api/certificate").body()).contains("\"status\":\"ACTIVE\"");
        assertThat(jdbc.queryForObject("select registered_by from certificate_registration where partner_id = ? "
                + "and status = 'ACTIVE'", String.class, partnerId)).isEqualTo("supplier:" + corpNum);

        assertThat(supplier.get("/api/partners/" + partnerId).statusCode()).as("no staff API for suppliers").isIn(302, 401, 403);
    }

    @Test
    void staffAndStrangersHaveNoPortalSession() {
        TestHttp staff = new TestHttp(port);
        staff.login("operator", "operator");
        assertThat(staff.get("/portal").statusCode()).isIn(401, 403);
        assertThat(new TestHttp(port).get("/portal/api/certificate").statusCode()).isEqualTo(401);
        assertThat(new TestHttp(port).get("/portal/access/not-a-real-token-at-all-123").body()).contains("만료");
    }

    @Test
    void fiveWrongNumbersRevokeTheLink() {
        TestHttp stranger = new TestHttp(port);
        String page = stranger.get(accessPath).body();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = stranger.postForm(accessPath, "corpNum=1208147521&_csrf=" + TestHttp.csrfOf(page));
            assertThat(wrong.statusCode()).isEqualTo(401);
            page = wrong.body();
        }
        TestHttp supplier = new TestHttp(port);
        String fresh = supplier.get(accessPath).body();
        assertThat(fresh).contains("만료");
        assertThat(jdbc.queryForObject("select count(*) from portal_invitation where partner_id = ? and revoked_at is not null",
                Integer.class, partnerId)).isEqualTo(1);
    }
}
