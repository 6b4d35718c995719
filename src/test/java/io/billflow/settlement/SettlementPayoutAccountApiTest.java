package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.account;
import static io.billflow.settlement.SettlementFixtures.fields;
import static io.billflow.settlement.SettlementFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.TestHttp;
import io.billflow.notification.application.NotificationMessages;
import io.billflow.settlement.api.PayoutAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import io.billflow.notification.TextedCodes;
import io.billflow.notification.text.TextMessagingSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changing a payout account with the one-time code sent to the group's registered mobile. The code is read
 * where the partner would read it: the text message queued for that mobile.
 */
@BillflowSpringTest
@ExtendWith(OutputCaptureExtension.class)
class SettlementPayoutAccountApiTest {

    static final String NEW_ACCOUNT = account("004", "123-45-6789012", "김철수");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The simulated carrier: where the one-time codes arrive. */
    @Autowired
    TextMessagingSimulator phone;

    @Autowired
    MovableClock clock;

    @Autowired
    PayoutAccounts payoutAccounts;

    TestHttp http;
    SettlementFixtures fixtures;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theRightCodeChangesTheAccountAndEveryContactIsTold() {
        long group = fixtures.group("계좌변경", List.of("매체"));
        HttpResponse<String> requested = requestChange(group, NEW_ACCOUNT);

        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        JsonNode request = json(requested);
        String requestId = request.get("id").asText();
        assertThat(requested.headers().firstValue("Location"))
                .hasValue("/api/settlement/groups/" + group + "/payout-account/change-requests/" + requestId);
        assertThat(request.get("status").asText()).isEqualTo("PENDING");
        assertThat(request.get("sentTo").asText()).isEqualTo("010-****-6789");
        assertThat(request.get("remainingAttempts").asInt()).isEqualTo(5);
        assertThat(request.get("accountNumber").asText()).isEqualTo("123-**-****012");
        assertThat(request.get("holderName").asText()).isEqualTo("김*수");
        assertThat(request.get("bankName").asText()).isEqualTo("국민은행");

        List<Map<String, Object>> codeMessages = jdbc.queryForList("select channel, recipients from notification_message "
                + "where dedup_key like ?", "payout-account-code:" + requestId + "%");
        assertThat(codeMessages).as("SMS only, to the registered mobile, although SMS is off by default")
                .containsExactly(Map.of("channel", "SMS", "recipients", "010-2345-6789"));
        String code = codeOf(requestId);
        assertThat(requested.body()).doesNotContain(code);

        HttpResponse<String> confirmed = confirm(group, requestId, code);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).get("accountNumber").asText()).isEqualTo("123-**-****012");
        assertThat(confirmed.body()).doesNotContain(code, "6789012");
        JsonNode shown = json(http.getBasic("/api/settlement/groups/" + group, "operator", "operator")).get("payoutAccount");
        assertThat(shown.get("bankCode").asText()).isEqualTo("004");
        assertThat(shown.get("accountNumber").asText()).isEqualTo("123-**-****012");
        assertThat(shown.get("registeredBy").asText()).isEqualTo("manager");
        assertThat(payoutAccounts.unsealForPayout(group, "payout-step", "test").orElseThrow().accountNumber())
                .isEqualTo("123-45-6789012");
        assertThat(jdbc.queryForObject("select count(*) from settlement_payout_account where group_id = ? "
                + "and replaced_at is not null", Integer.class, group)).as("the old account stays as history").isEqualTo(1);

        List<Map<String, Object>> notices = jdbc.queryForList("select channel, recipients, subject, text_body "
                + "from notification_message where event_type = 'PAYOUT_ACCOUNT_CHANGED' and dedup_key like ? "
                + "order by recipients", "payout-account-changed:" + requestId + "%");
        assertThat(notices).extracting(n -> n.get("recipients"))
                .containsExactly("acct+" + partnerOf(group) + "@partner.co.kr", "settle+" + partnerOf(group) + "@partner.co.kr");
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.get("channel")).isEqualTo("EMAIL");
            assertThat(n.get("subject").toString()).contains("지급계좌", "계좌변경");
            assertThat(n.get("text_body").toString()).contains("국민은행", "123-**-****012", "manager")
                    .doesNotContain("6789012");
        });

        HttpResponse<String> again = confirm(group, requestId, code);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("requestStatus").asText()).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForList("select action from audit_log where subject_type = 'settlement_group' and subject_id = ? "
                + "order by id", String.class, String.valueOf(group))).containsSubsequence("PAYOUT_ACCOUNT_CHANGE_REQUESTED",
                "PAYOUT_ACCOUNT_CHANGED");
    }

    @Test
    void fiveWrongCodesVoidTheRequestAndATypoIsNotCounted() {
        long group = fixtures.group("오답", List.of("매체"));
        String requestId = json(requestChange(group, NEW_ACCOUNT)).get("id").asText();
        String code = codeOf(requestId);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        HttpResponse<String> typo = confirm(group, requestId, "12a45");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(fields(typo)).containsExactly("code");
        assertThat(json(http.getBasic(changeRequestPath(group, requestId), "manager", "manager"))
                .get("remainingAttempts").asInt()).isEqualTo(5);

        for (int left = 4; left >= 0; left--) {
            HttpResponse<String> refused = confirm(group, requestId, wrong);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(fields(refused)).containsExactly("code");
            assertThat(json(refused).get("remainingAttempts").asInt()).isEqualTo(left);
        }
        HttpResponse<String> tooLate = confirm(group, requestId, code);
        assertThat(tooLate.statusCode()).as("even the right code: the request is void").isEqualTo(410);
        assertThat(json(tooLate).get("requestStatus").asText()).isEqualTo("VOID");

        assertThat(jdbc.queryForObject("select status || '/' || failed_attempts from one_time_code where id = "
                + "(select code_id from settlement_payout_change_request where id = ?::uuid)", String.class, requestId))
                .isEqualTo("VOID/5");
        assertThat(json(http.getBasic("/api/settlement/groups/" + group, "manager", "manager")).get("payoutAccount")
                .get("accountNumber").asText()).as("unchanged").isEqualTo("110-***-***789");
        assertThat(jdbc.queryForObject("select count(*) from notification_message where event_type = 'PAYOUT_ACCOUNT_CHANGED' "
                + "and dedup_key like ?", Integer.class, "payout-account-changed:" + requestId + "%")).isZero();
    }

    @Test
    void aCodeIsValidForFiveMinutes() {
        long group = fixtures.group("만료", List.of("매체"));
        String late = json(requestChange(group, NEW_ACCOUNT)).get("id").asText();
        String lateCode = codeOf(late);
        clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> expired = confirm(group, late, lateCode);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(expired).get("requestStatus").asText()).isEqualTo("EXPIRED");
        assertThat(json(expired).get("detail").asText()).contains("expired");
        assertThat(json(http.getBasic(changeRequestPath(group, late), "manager", "manager")).get("status").asText())
                .isEqualTo("EXPIRED");
        assertThat(json(http.getBasic("/api/settlement/groups/" + group, "manager", "manager")).get("payoutAccount")
                .get("accountNumber").asText()).isEqualTo("110-***-***789");

        String inTime = json(requestChange(group, NEW_ACCOUNT)).get("id").asText();
        String code = codeOf(inTime);
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(confirm(group, inTime, code).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheNewestRequestsCodeWorks() {
        long group = fixtures.group("재요청", List.of("매체"));
        String first = json(requestChange(group, account("020", "1002-123-456789", "홍길동"))).get("id").asText();
        String firstCode = codeOf(first);
        String second = json(requestChange(group, NEW_ACCOUNT)).get("id").asText();

        HttpResponse<String> superseded = confirm(group, first, firstCode);
        assertThat(superseded.statusCode()).isEqualTo(410);
        assertThat(json(superseded).get("requestStatus").asText()).isEqualTo("SUPERSEDED");
        assertThat(confirm(group, second, codeOf(second)).statusCode()).isEqualTo(200);
        assertThat(json(http.getBasic("/api/settlement/groups/" + group + "/payout-account", "operator", "operator"))
                .get("bankCode").asText()).isEqualTo("004");
    }

    @Test
    void aBadAccountIsRefusedBeforeAnyCodeIsSentAndRequestsAreScopedToTheirGroup() {
        long group = fixtures.group("잘못된계좌", List.of("매체"));
        HttpResponse<String> bad = requestChange(group, account("000", "12-34", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("bankCode", "accountNumber", "holderName");
        assertThat(jdbc.queryForObject("select count(*) from settlement_payout_change_request where group_id = ?",
                Integer.class, group)).isZero();

        String requestId = json(requestChange(group, NEW_ACCOUNT)).get("id").asText();
        long otherGroup = fixtures.group("남의그룹", List.of("매체"));
        assertThat(confirm(otherGroup, requestId, codeOf(requestId)).statusCode()).isEqualTo(404);
        assertThat(http.getBasic(changeRequestPath(otherGroup, requestId), "manager", "manager").statusCode()).isEqualTo(404);
        assertThat(requestChange(987654321L, NEW_ACCOUNT).statusCode()).isEqualTo(404);
        assertThat(http.postJson("/api/settlement/groups/" + group + "/payout-account/change-requests", NEW_ACCOUNT,
                "operator", "operator").statusCode()).as("operations read only").isEqualTo(403);
    }

    @Test
    void theCodeIsStoredOnlyAsAKeyedHash() throws Exception {
        long group = fixtures.group("해시", List.of("매체"));
        String requestId = json(requestChange(group, NEW_ACCOUNT)).get("id").asText();
        String code = codeOf(requestId);

        Map<String, Object> row = jdbc.queryForMap("select * from settlement_payout_change_request where id = ?::uuid",
                requestId);
        Map<String, Object> codeRow = jdbc.queryForMap("select * from one_time_code where id = ?", row.get("code_id"));
        byte[] stored = (byte[]) codeRow.get("code_hash");
        String codeId = String.valueOf(codeRow.get("id"));
        assertThat(stored).hasSize(32)
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest((codeId + "|" + code)
                        .getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest((requestId + "|" + code)
                        .getBytes(StandardCharsets.UTF_8)));
        for (Map<String, Object> columns : List.of(row, codeRow)) {
            columns.forEach((column, value) -> {
                if (!(value instanceof byte[])) {
                    assertThat(String.valueOf(value)).as(column).doesNotContain(code).doesNotContain("6789012");
                }
            });
        }
        assertThat(new String((byte[]) row.get("account_ciphertext"), StandardCharsets.ISO_8859_1))
                .doesNotContain("6789012");
        assertThat(jdbc.queryForList("select detail from audit_log where subject_type = 'settlement_group' and subject_id = ?",
                String.class, String.valueOf(group))).noneMatch(detail -> detail.contains(code) || detail.contains("6789012"));
    }

    @Test
    void theCodeNeverReachesALogOrAnyResponseButTheTextMessage(CapturedOutput output) {
        long group = fixtures.group("로그", List.of("매체"));
        HttpResponse<String> requested = requestChange(group, NEW_ACCOUNT);
        String requestId = json(requested).get("id").asText();
        String code = codeOf(requestId);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(jdbc.queryForObject("select status from "
                + "notification_message where dedup_key like ?", String.class, "payout-account-code:" + requestId + "%")));

        long messageId = jdbc.queryForObject("select id from notification_message where dedup_key like ?", Long.class,
                "payout-account-code:" + requestId + "%");
        HttpResponse<String> operationsView = http.getBasic("/api/notifications/" + messageId, "operator", "operator");
        assertThat(operationsView.statusCode()).isEqualTo(200);
        assertThat(json(operationsView).get("textBody").asText()).isEqualTo(NotificationMessages.SECRET_TEXT_HIDDEN);
        String listed = http.getBasic("/api/notifications?event=VERIFICATION_CODE&recipient=settlement-group:" + group
                + ":verification", "operator", "operator").body();
        assertThat(listed).contains("\"eventType\":\"VERIFICATION_CODE\"");
        List<String> bodies = List.of(requested.body(), operationsView.body(), listed,
                http.getBasic(changeRequestPath(group, requestId), "manager", "manager").body(),
                confirm(group, requestId, String.format("%06d", (Integer.parseInt(code) + 7) % 1_000_000)).body(),
                confirm(group, requestId, code).body());
        assertThat(bodies).noneMatch(body -> body.contains(code) || body.contains("6789012"));
        LoggerFactory.getLogger(getClass()).warn("log capture check for request {}", requestId);
        assertThat(output.getAll()).as("the capture sees the application's log")
                .contains("log capture check for request " + requestId)
                .doesNotContain(code).doesNotContain("123-45-6789012");
    }

    @Test
    void nobodySwitchesTheCodesTextMessageOff() {
        HttpResponse<String> refused = http.putJson("/api/notification-preferences/settlement-group:1:verification/"
                + "VERIFICATION_CODE", "{\"email\":true,\"alimtalk\":false,\"sms\":false}", "operator", "operator");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("event");
    }

    private HttpResponse<String> requestChange(long group, String accountJson) {
        return http.postJson("/api/settlement/groups/" + group + "/payout-account/change-requests", accountJson,
                "manager", "manager");
    }

    private HttpResponse<String> confirm(long group, String requestId, String code) {
        return http.postJson(changeRequestPath(group, requestId) + "/confirm", "{\"code\":\"" + code + "\"}", "manager",
                "manager");
    }

    private static String changeRequestPath(long group, String requestId) {
        return "/api/settlement/groups/" + group + "/payout-account/change-requests/" + requestId;
    }

    /** The code as the partner reads it: in the text message that reached the group's registered mobile. */
    private String codeOf(String requestId) {
        return TextedCodes.latestCode(jdbc, phone, "payout-account-code:" + requestId);
    }

    private long partnerOf(long group) {
        return jdbc.queryForObject("select partner_id from settlement_group where id = ?", Long.class, group);
    }
}
