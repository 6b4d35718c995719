package io.billflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.billflow.BillflowSpringTest;
import io.billflow.Inbox;
import io.billflow.MovableClock;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.notification.application.MailOutboxWorker;
import io.billflow.partner.application.ContactChangeHold;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * #13.1, the last path to a supplier's portal: a staff user who writes his own address or mobile into a partner
 * would receive its next link (and, for a partner without a certificate, could refuse a request in its name). The
 * change waits for the hold; the contacts in place are warned at once; links keep going to them until then.
 */
@BillflowSpringTest
class ContactChangeHoldTest {

    static final String IMPOSTOR = "impostor@staff.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    MailOutboxWorker mailWorker;

    @Autowired
    MovableClock clock;

    @Autowired
    ContactChangeHold contactChanges;

    final ObjectMapper json = new ObjectMapper();
    TestHttp http;
    String corpNum;
    long partnerId;

    @BeforeEach
    void aPartnerWithItsOwnContacts() throws Exception {
        http = new TestHttp(port);
        corpNum = TestData.newBusinessNumber();
        HttpResponse<String> created = http.postJson("/api/partners", TestData.partnerJson(corpNum, "(주)연락처보호"),
                "operator", "operator");
        partnerId = json.readTree(created.body()).get("id").asLong();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aStaffUsersOwnAddressWaitsForTheHoldWhileThePartnerIsWarnedAndKeepsItsLinks() throws Exception {
        Instant requested = clock.instant();
        JsonNode answer = put(redirected(), "operator");
        assertThat(answer.at("/contact/email").asText()).as("still in force").isEqualTo(original());
        assertThat(answer.at("/contact/mobile").asText()).isEqualTo("010-1234-5678");
        assertThat(answer.at("/contact/name").asText()).as("a name is no channel: at once").isEqualTo("박바뀜");
        assertThat(answer.at("/pendingContactChange/email").asText()).isEqualTo("im***@staff.example");
        assertThat(answer.at("/pendingContactChange/mobile").asText()).isEqualTo("***-****-9999");
        assertThat(answer.at("/pendingContactChange/requestedBy").asText()).isEqualTo("operator");
        assertThat(Duration.between(requested, Instant.parse(answer.at("/pendingContactChange/effectiveAt").asText())))
                .isBetween(Duration.ofDays(3).minusMinutes(1), Duration.ofDays(3).plusMinutes(1));
        assertThat(answer.toString()).as("staff see that a change waits, not the address").doesNotContain(IMPOSTOR);

        // the contacts in place hear of it, in Korean, with the date and whom to call
        long changeId = jdbc.queryForObject("select id from partner_contact_change where partner_id = ? and state = 'HELD'",
                Long.class, partnerId);
        List<String> warning = new Inbox(greenMail, jdbc, mailWorker).deliveredTexts("partner-contact-change:" + changeId);
        assertThat(warning).isNotEmpty().allSatisfy(text -> assertThat(text).contains("연락처", "변경 예정 일시")
                .contains("im***@staff.example").contains("02-1234-5678").doesNotContain(IMPOSTOR));
        assertThat(jdbc.queryForObject("select recipients from notification_message where dedup_key like "
                + "'partner-contact-change:%' and recipient_key = ? and channel = 'EMAIL'", String.class,
                "partner:" + partnerId)).contains(original()).doesNotContain(IMPOSTOR);

        // the next link goes to the partner, not to whoever wrote his own address in
        assertThat(http.postJson("/api/partners/" + partnerId + "/portal-invitations", "", "operator", "operator")
                .statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForList("select recipients from notification_message where recipient_key = ? "
                + "and event_type = 'PORTAL_INVITATION' and channel = 'EMAIL'", String.class, "partner:" + partnerId))
                .isNotEmpty().allSatisfy(to -> assertThat(to).contains(original()).doesNotContain(IMPOSTOR));
        assertThat(jdbc.queryForObject("select count(*) from notification_message where recipients like ?",
                Integer.class, "%" + IMPOSTOR + "%")).as("nothing ever went to the impostor").isZero();
        assertThat(contactChanges.applyDue()).as("not yet due").isZero();
        assertThat(audit("PARTNER_CONTACT_CHANGE_HELD")).isEqualTo(1);

        // after the hold it is in force (had nobody objected) and audited as such
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThat(contactChanges.applyDue()).isGreaterThanOrEqualTo(1);
        JsonNode after = get();
        assertThat(after.at("/contact/email").asText()).isEqualTo(IMPOSTOR);
        assertThat(after.at("/extraEmails").toString()).isEqualTo("[]");
        assertThat(after.hasNonNull("pendingContactChange")).isFalse();
        assertThat(audit("PARTNER_CONTACT_CHANGED")).isEqualTo(1);
    }

    @Test
    void thePartnersCallCancelsTheChangeAndNothingApplies() throws Exception {
        put(redirected(), "operator");
        assertThat(http.deleteBasic("/api/partners/" + partnerId + "/contact-change", "api-client", "api-client")
                .statusCode()).as("a person answers the partner's call, not a system").isEqualTo(403);
        assertThat(http.deleteBasic("/api/partners/" + partnerId + "/contact-change", "operator", "operator").statusCode())
                .isEqualTo(204);
        assertThat(http.deleteBasic("/api/partners/" + partnerId + "/contact-change", "operator", "operator").statusCode())
                .as("nothing waits any more").isEqualTo(404);
        assertThat(audit("PARTNER_CONTACT_CHANGE_CANCELLED")).isEqualTo(1);

        clock.advance(Duration.ofDays(4));
        contactChanges.applyDue();
        assertThat(get().at("/contact/email").asText()).isEqualTo(original());
    }

    @Test
    void aNewerChangeSupersedesTheWaitingOneAndSendingTheCurrentContactsAgainKeepsIt() throws Exception {
        put(redirected(), "operator");
        put(TestData.partnerJson(corpNum, "(주)연락처보호").replace("tax+" + corpNum + "@partner.co.kr",
                "second@staff.example"), "admin");
        assertThat(jdbc.queryForList("select state from partner_contact_change where partner_id = ? order by id",
                String.class, partnerId)).containsExactly("SUPERSEDED", "HELD");
        // editing something else with the contacts as they are in force does not withdraw what waits
        JsonNode edited = put(TestData.partnerJson(corpNum, "(주)연락처보호").replace("홍길동", "홍대표"), "operator");
        assertThat(edited.at("/pendingContactChange/email").asText()).isEqualTo("se***@staff.example");
        assertThat(edited.at("/ceoName").asText()).isEqualTo("홍대표");
    }

    @Test
    void theSameContactsWrittenAnotherWayAreNoChangeAndWaitForNothing() throws Exception {
        JsonNode answer = put(TestData.partnerJson(corpNum, "(주)연락처보호")
                .replace(original(), original().toUpperCase(java.util.Locale.ROOT))
                .replace("010-1234-5678", "01012345678"), "operator");
        assertThat(answer.hasNonNull("pendingContactChange")).isFalse();
        assertThat(audit("PARTNER_CONTACT_CHANGE_HELD")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like "
                + "'partner-contact-change:%' and recipient_key = ?", Integer.class, "partner:" + partnerId)).isZero();
    }

    private String original() {
        return "tax+" + corpNum + "@partner.co.kr";
    }

    private String redirected() {
        return TestData.partnerJson(corpNum, "(주)연락처보호")
                .replace(original(), IMPOSTOR).replace("010-1234-5678", "010-9999-9999")
                .replace("[\"acct+" + corpNum + "@partner.co.kr\"]", "[]").replace("김담당", "박바뀜");
    }

    private JsonNode put(String body, String user) throws Exception {
        int version = get().get("version").asInt();
        String withVersion = body.substring(0, body.lastIndexOf('}')) + ",\"version\":" + version + "}";
        HttpResponse<String> response = http.putJson("/api/partners/" + partnerId, withVersion, user, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode get() throws Exception {
        return json.readTree(http.getBasic("/api/partners/" + partnerId, "operator", "operator").body());
    }

    private int audit(String action) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and subject_id = ?", Integer.class,
                action, String.valueOf(partnerId));
    }
}
