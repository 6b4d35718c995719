package io.billflow.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.partner.adapter.simulator.BusinessStatusSimulator;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@BillflowSpringTest
class PartnerApiTest {

    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    BusinessStatusSimulator businessStatus;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        businessStatus.setAvailable(true);
    }

    @Test
    void registerLinkAndReceiveTheRegistrationCompleteMail() {
        String corpNum = TestData.newBusinessNumber();
        HttpResponse<String> created = create(TestData.partnerJson(corpNum, "(주)한빛상사"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"ntsLinked\":false").contains("\"businessState\":\"ACTIVE\"")
                .contains("\"corpNum\":\"" + corpNum + "\"");
        long id = id(created);

        HttpResponse<String> linked = http.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator");
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(linked.body()).contains("\"ntsLinked\":true").contains("\"ntsLinkedBy\":\"operator\"")
                .contains("\"invoiceable\":true");

        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("tax+" + corpNum + "@partner.co.kr").length == 1);
        MimeMessage mail = mailsTo("tax+" + corpNum + "@partner.co.kr")[0];
        assertThat(mail).satisfies(m -> assertThat(m.getSubject()).isEqualTo("[billflow] (주)한빛상사 국세청 연동 등록이 완료되었습니다"));
        assertThat(mailsTo("acct+" + corpNum + "@partner.co.kr")).hasSize(1);

        // linking again changes nothing and sends nothing
        assertThat(http.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where event_type = 'PARTNER_NTS_LINKED' "
                + "and recipients like ?", Integer.class, "%" + corpNum + "%")).isEqualTo(1);
    }

    @Test
    void changingBusinessDataUnlinksButContactChangesDoNot() {
        String corpNum = TestData.newBusinessNumber();
        long id = id(create(TestData.partnerJson(corpNum, "(주)바뀌는상사")));
        http.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator");

        String contactOnly = withVersion(TestData.partnerJson(corpNum, "(주)바뀌는상사")
                .replace("\"name\":\"김담당\"", "\"name\":\"이담당\""), version(id));
        HttpResponse<String> stillLinked = put(id, contactOnly);
        assertThat(stillLinked.statusCode()).isEqualTo(200);
        assertThat(stillLinked.body()).contains("\"ntsLinked\":true").contains("이담당");

        String renamed = withVersion(TestData.partnerJson(corpNum, "(주)새이름상사"), version(id));
        HttpResponse<String> unlinked = put(id, renamed);
        assertThat(unlinked.body()).contains("\"ntsLinked\":false").contains("(주)새이름상사");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PARTNER_NTS_UNLINKED' "
                + "and subject_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aStaleVersionIsAConflict() {
        long id = id(create(TestData.partnerJson(TestData.newBusinessNumber(), "(주)동시성")));
        HttpResponse<String> stale = put(id, withVersion(jsonFor(id).replace("(주)동시성", "(주)늦은수정"), version(id) + 5));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"field\":\"version\"");
    }

    @Test
    void aDuplicateBusinessNumberIs409() {
        String corpNum = TestData.newBusinessNumber();
        assertThat(create(TestData.partnerJson(corpNum, "(주)원조")).statusCode()).isEqualTo(201);
        HttpResponse<String> duplicate = create(TestData.partnerJson(corpNum, "(주)짝퉁"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("\"field\":\"corpNum\"");
        // another 종사업장 of the same business is a different partner
        String branch = TestData.partnerJson(corpNum, "(주)원조 부산지점").replace("\"corpName\"", "\"taxRegId\":\"0002\",\"corpName\"");
        assertThat(create(branch).statusCode()).isEqualTo(201);
    }

    @Test
    void invalidInputNamesEveryFieldAndWritesNothing() {
        long before = count();
        HttpResponse<String> response = create("""
                {"partnerType":"BUSINESS","corpNum":"1208147520","taxRegId":"12","corpName":"","ceoName":"%s",
                 "contact":{"email":"not-an-email","mobile":"02-123"},
                 "extraEmails":["a@x.kr","b@x.kr","c@x.kr","d@x.kr","e@x.kr","f@x.kr"]}""".formatted("가".repeat(101)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"corpNum\"", "\"field\":\"taxRegId\"", "\"field\":\"corpName\"",
                "\"field\":\"ceoName\"", "\"field\":\"contact.email\"", "\"field\":\"contact.mobile\"",
                "\"field\":\"extraEmails\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void individualsHaveNoBusinessNumberAndAreNeverLinked() {
        HttpResponse<String> wrong = create("""
                {"partnerType":"INDIVIDUAL","corpNum":"2208162517","corpName":"김개인","contact":{"email":"kim@example.com"}}""");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"corpNum\"");

        HttpResponse<String> individual = create("""
                {"partnerType":"INDIVIDUAL","corpName":"김개인","contact":{"email":"kim@example.com"}}""");
        assertThat(individual.statusCode()).isEqualTo(201);
        HttpResponse<String> link = http.postJson("/api/partners/" + id(individual) + "/nts-link", "", "operator", "operator");
        assertThat(link.statusCode()).isEqualTo(400);
        assertThat(link.body()).contains("\"field\":\"partnerType\"");
    }

    @Test
    void linkingNeedsCompleteBusinessData() {
        String corpNum = TestData.newBusinessNumber();
        long id = id(create("""
                {"partnerType":"BUSINESS","corpNum":"%s","corpName":"(주)미완성","ceoName":"박대표",
                 "contact":{"email":"x@incomplete.kr"}}""".formatted(corpNum)));
        HttpResponse<String> link = http.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator");
        assertThat(link.statusCode()).isEqualTo(400);
        assertThat(link.body()).contains("\"field\":\"addr\"", "\"field\":\"bizType\"", "\"field\":\"bizClass\"");
        assertThat(http.getBasic("/api/partners/" + id, "operator", "operator").body()).contains("\"ntsLinked\":false");
    }

    @Test
    void closedBusinessesCannotBeLinked() {
        long id = id(create(TestData.partnerJson("1018600011", "(주)폐업상사")));
        assertThat(http.getBasic("/api/partners/" + id, "operator", "operator").body()).contains("\"businessState\":\"CLOSED\"");
        HttpResponse<String> link = http.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator");
        assertThat(link.statusCode()).isEqualTo(409);
        assertThat(link.body()).contains("폐업");
    }

    @Test
    void aBusinessStatusOutageIs503AndChangesNothing() {
        long id = id(create(TestData.partnerJson(TestData.newBusinessNumber(), "(주)장애중")));
        businessStatus.setAvailable(false);
        HttpResponse<String> link = http.postJson("/api/partners/" + id + "/nts-link", "", "operator", "operator");
        assertThat(link.statusCode()).isEqualTo(503);
        assertThat(link.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        businessStatus.setAvailable(true);
        assertThat(http.getBasic("/api/partners/" + id, "operator", "operator").body()).contains("\"ntsLinked\":false");
    }

    @Test
    void searchFindsByNameFragmentAndNumber() {
        String corpNum = TestData.newBusinessNumber();
        create(TestData.partnerJson(corpNum, "(주)검색될상사"));
        assertThat(http.getBasic("/api/partners?q=검색될", "manager", "manager").body()).contains(corpNum);
        String hyphenated = corpNum.substring(0, 3) + "-" + corpNum.substring(3, 5);
        assertThat(http.getBasic("/api/partners?q=" + hyphenated + "&linked=false&type=BUSINESS", "manager", "manager")
                .body()).contains(corpNum).contains("\"total\":");
    }

    @Test
    void writesNeedOperationsOrApiClientsAndReadsAnyStaff() {
        String json = TestData.partnerJson(TestData.newBusinessNumber(), "(주)권한");
        assertThat(http.postJson("/api/partners", json, "manager", "manager").statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/partners", json, null, null).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/partners", json, "api-client", "api-client").statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> create(String json) {
        return http.postJson("/api/partners", json, "operator", "operator");
    }

    private HttpResponse<String> put(long id, String json) {
        return http.putJson("/api/partners/" + id, json, "operator", "operator");
    }

    private String jsonFor(long id) {
        String corpNum = jdbc.queryForObject("select corp_num from partner where id = ?", String.class, id);
        String name = jdbc.queryForObject("select corp_name from partner where id = ?", String.class, id);
        return TestData.partnerJson(corpNum, name);
    }

    private int version(long id) {
        Matcher m = VERSION.matcher(http.getBasic("/api/partners/" + id, "operator", "operator").body());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String withVersion(String json, int version) {
        return json.substring(0, json.lastIndexOf('}')) + ",\"version\":" + version + "}";
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from partner", Long.class);
    }

    /** Distinct messages (by Message-ID) addressed to {@code address}; GreenMail keeps one copy per mailbox. */
    private MimeMessage[] mailsTo(String address) {
        java.util.Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                    byId.putIfAbsent(m.getMessageID(), m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return byId.values().toArray(MimeMessage[]::new);
    }

    static long id(HttpResponse<String> response) {
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
