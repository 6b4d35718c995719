package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.TestData;
import io.billflow.TestHttp;

/** Partners and settlement groups for the settlement API tests; every call makes fresh ones. */
final class SettlementFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private final TestHttp http;

    SettlementFixtures(TestHttp http) {
        this.http = http;
    }

    /** The platform operator's buyer company settlement invoices are written to (application-test.yml). */
    void settlementBuyer() {
        HttpResponse<String> buyer = http.postJson("/api/buyer-companies", """
                {"corpNum":"2208162517","corpName":"(주)빌플로우미디어","ceoName":"정운영","addr":"서울특별시 중구 세종대로 110",
                 "bizType":"서비스","bizClass":"온라인광고플랫폼","contactName":"박정산","contactEmail":"billing@billflow-media.kr"}""",
                "admin", "admin");
        assertThat(buyer.statusCode()).as("made by the first test that needs it").isIn(201, 409);
    }

    long businessPartner(String name) {
        HttpResponse<String> created = http.postJson("/api/partners",
                TestData.partnerJson(TestData.newBusinessNumber(), name), "operator", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    long individualPartner(String name) {
        HttpResponse<String> created = http.postJson("/api/partners", """
                {"partnerType":"INDIVIDUAL","corpName":"%s","contact":{"email":"ind+%d@example.com"}}"""
                .formatted(name, System.nanoTime()), "operator", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    /** A group JSON with two contacts; {@code accountJson} null leaves the payout account out. */
    static String groupJson(long partnerId, String name, List<String> media, String accountJson) {
        return """
                {"partnerId":%d,"name":"%s","media":[%s],
                 "contacts":[{"name":"박정산","email":"settle+%d@partner.co.kr","mobile":"010-3456-7890"},
                             {"name":"최회계","email":"acct+%d@partner.co.kr"}],
                 "verificationMobile":"010-2345-6789"%s}""".formatted(partnerId, name,
                media.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(",")), partnerId, partnerId,
                accountJson == null ? "" : ",\"payoutAccount\":" + accountJson);
    }

    static String account(String bankCode, String number, String holder) {
        return """
                {"bankCode":"%s","accountNumber":"%s","holderName":"%s"}""".formatted(bankCode, number, holder);
    }

    HttpResponse<String> createGroup(String body, String user) {
        return http.postJson("/api/settlement/groups", body, user, user);
    }

    /** A group of a new business partner, with a payout account; returns the group id. */
    long group(String name, List<String> media) {
        long partnerId = businessPartner("(주)" + name);
        return group(partnerId, name, media);
    }

    long group(long partnerId, String name, List<String> media) {
        HttpResponse<String> created = createGroup(groupJson(partnerId, name, media,
                account("088", "110-123-456789", "홍길동")), "manager");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    /**
     * Lets the group's held verification mobile change come due now and applies it, as the schedule does once the
     * hold has passed (for tests of what follows the change, not of the hold itself: VerificationMobileHoldTest).
     */
    static void mobileChangeHoldPassed(org.springframework.jdbc.core.JdbcTemplate jdbc,
                                       io.billflow.settlement.application.VerificationMobileHold hold, long groupId) {
        assertThat(jdbc.update("update settlement_verification_mobile_change set effective_at = requested_at "
                + "where group_id = ? and state = 'HELD'", groupId)).as("a change waits").isEqualTo(1);
        assertThat(hold.applyDue()).isGreaterThanOrEqualTo(1);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** The fields named in a problem's {@code errors}. */
    static List<String> fields(HttpResponse<String> response) {
        return json(response).path("errors").findValuesAsText("field");
    }
}
