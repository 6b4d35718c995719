package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.account;
import static io.billflow.settlement.SettlementFixtures.fields;
import static io.billflow.settlement.SettlementFixtures.groupJson;
import static io.billflow.settlement.SettlementFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.settlement.api.PayoutAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@BillflowSpringTest
class SettlementGroupApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PayoutAccounts payoutAccounts;

    TestHttp http;
    SettlementFixtures fixtures;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
    }

    @Test
    void aGroupWithItsPayoutAccountShowsTheAccountOnlyMaskedAndStoresTheNumberSealed() {
        long partnerId = fixtures.businessPartner("(주)다음미디어");
        HttpResponse<String> created = fixtures.createGroup(groupJson(partnerId, "상생RS>뉴스>다음스포츠 외",
                List.of("다음스포츠", "다음연예", "다음뉴스"), account("088", "110-123-456789", "홍길동")), "manager");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode group = json(created);
        long id = group.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/settlement/groups/" + id);
        assertThat(group.get("partnerName").asText()).isEqualTo("(주)다음미디어");
        assertThat(group.get("media")).extracting(JsonNode::asText).containsExactly("다음스포츠", "다음연예", "다음뉴스");
        assertThat(group.get("contacts")).hasSize(2);
        assertThat(group.get("settlementDeadlineDay").asInt()).as("default: the 10th, as 발급기한").isEqualTo(10);
        assertThat(group.get("verificationMobile").asText()).isEqualTo("010-****-6789");
        JsonNode payout = group.get("payoutAccount");
        assertThat(payout.get("bankCode").asText()).isEqualTo("088");
        assertThat(payout.get("bankName").asText()).isEqualTo("신한은행");
        assertThat(payout.get("accountNumber").asText()).isEqualTo("110-***-***789");
        assertThat(payout.get("holderName").asText()).isEqualTo("홍*동");
        assertThat(created.body()).doesNotContain("123-456789", "110123456789", "홍길동", "2345-6789");
        assertThat(http.getBasic("/api/settlement/groups/" + id, "operator", "operator").body())
                .contains("110-***-***789").doesNotContain("123-456789");

        String storedRow = jdbc.queryForObject("select a::text from settlement_payout_account a where group_id = ?",
                String.class, id);
        assertThat(storedRow).contains("110-***-***789").doesNotContain("110-123-456789", "110123456789");
        assertThat(payoutAccounts.unsealForPayout(id, "payout-step", "test").orElseThrow())
                .satisfies(a -> {
                    assertThat(a.accountNumber()).isEqualTo("110-123-456789");
                    assertThat(a.holderName()).isEqualTo("홍길동");
                    assertThat(a.bankCode()).isEqualTo("088");
                });
        assertThat(jdbc.queryForList("select action from audit_log where subject_type = 'settlement_group' "
                + "and subject_id = ? order by id", String.class, String.valueOf(id)))
                .containsExactly("SETTLEMENT_GROUP_CREATED", "PAYOUT_ACCOUNT_REGISTERED", "PAYOUT_ACCOUNT_UNSEALED");
        assertThat(jdbc.queryForList("select detail from audit_log where subject_type = 'settlement_group' "
                + "and subject_id = ?", String.class, String.valueOf(id))).noneMatch(d -> d.contains("123-456789"));
    }

    @Test
    void aGroupWithoutAccountGetsItLaterAndAnEmptyPayoutAccountIs404() {
        long partnerId = fixtures.businessPartner("(주)계좌나중");
        HttpResponse<String> created = fixtures.createGroup(groupJson(partnerId, "나중에", List.of("매체A"), null), "manager");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).has("payoutAccount")).isFalse();
        long id = json(created).get("id").asLong();
        assertThat(http.getBasic("/api/settlement/groups/" + id + "/payout-account", "manager", "manager").statusCode())
                .isEqualTo(404);
    }

    @Test
    void invalidInputNamesEveryFieldAndWritesNothing() {
        long partnerId = fixtures.businessPartner("(주)틀린입력");
        long before = groups();
        HttpResponse<String> shape = fixtures.createGroup("""
                {"partnerId":%d,"name":"","media":[],"contacts":[{"name":"","email":"not-an-email","mobile":"02-123"}],
                 "settlementDeadlineDay":11,"verificationMobile":"02-1234-5678"}""".formatted(partnerId), "manager");
        assertThat(shape.statusCode()).isEqualTo(400);
        assertThat(shape.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(shape)).contains("name", "media", "contacts[0].name", "contacts[0].email", "contacts[0].mobile",
                "settlementDeadlineDay", "verificationMobile");

        HttpResponse<String> rules = fixtures.createGroup(groupJson(999_999_999L, "규칙", List.of("매체", " 매체 "),
                account("999", "110-12x-456789", " ")), "manager");
        assertThat(rules.statusCode()).isEqualTo(400);
        assertThat(fields(rules)).containsExactlyInAnyOrder("partnerId", "media[1]", "payoutAccount.bankCode",
                "payoutAccount.accountNumber", "payoutAccount.holderName");
        assertThat(rules.body()).as("a rejected account number is not echoed").doesNotContain("110-12x-456789");

        HttpResponse<String> duplicateEmail = fixtures.createGroup(groupJson(partnerId, "중복", List.of("매체"), null)
                .replace("acct+", "settle+"), "manager");
        assertThat(fields(duplicateEmail)).containsExactly("contacts[1].email");
        assertThat(groups()).isEqualTo(before);
    }

    @Test
    void aPartnersGroupsShareNoNameAndNoMediumButOtherPartnersMay() {
        long partnerId = fixtures.businessPartner("(주)중복검사");
        fixtures.group(partnerId, "웹툰 제휴", List.of("다음웹툰", "카카오페이지"));

        HttpResponse<String> sameName = fixtures.createGroup(groupJson(partnerId, "웹툰 제휴", List.of("다른매체"), null),
                "manager");
        assertThat(sameName.statusCode()).isEqualTo(409);
        assertThat(fields(sameName)).containsExactly("name");

        HttpResponse<String> sameMedium = fixtures.createGroup(groupJson(partnerId, "다른 그룹",
                List.of("새매체", " 카카오페이지 "), null), "manager");
        assertThat(sameMedium.statusCode()).isEqualTo(409);
        assertThat(fields(sameMedium)).containsExactly("media[1]");
        assertThat(json(sameMedium).get("detail").asText()).contains("웹툰 제휴");

        long otherPartner = fixtures.businessPartner("(주)다른파트너");
        assertThat(fixtures.createGroup(groupJson(otherPartner, "웹툰 제휴", List.of("다음웹툰"), null), "manager")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndCannotTouchTheAccountOrTheVerificationMobile() {
        long id = fixtures.group("수정그룹", List.of("매체1", "매체2"));
        int version = json(http.getBasic("/api/settlement/groups/" + id, "manager", "manager")).get("version").asInt();
        String update = """
                {"name":"수정된그룹","media":["매체1","매체3"],"contacts":[{"name":"이담당","email":"lee@partner.co.kr"}],
                 "settlementDeadlineDay":5,"version":%d}""";

        HttpResponse<String> updated = http.putJson("/api/settlement/groups/" + id, update.formatted(version), "manager",
                "manager");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode group = json(updated);
        assertThat(group.get("name").asText()).isEqualTo("수정된그룹");
        assertThat(group.get("media")).extracting(JsonNode::asText).containsExactly("매체1", "매체3");
        assertThat(group.get("contacts")).hasSize(1);
        assertThat(group.get("settlementDeadlineDay").asInt()).isEqualTo(5);
        assertThat(group.get("payoutAccount").get("accountNumber").asText()).isEqualTo("110-***-***789");

        HttpResponse<String> stale = http.putJson("/api/settlement/groups/" + id, update.formatted(version), "manager",
                "manager");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(fields(stale)).containsExactly("version");

        HttpResponse<String> noVersion = http.putJson("/api/settlement/groups/" + id,
                update.replace(",\"version\":%d", "").formatted(), "manager", "manager");
        assertThat(fields(noVersion)).containsExactly("version");

        String current = update.formatted(version + 1);
        HttpResponse<String> withAccount = http.putJson("/api/settlement/groups/" + id, current.replace("\"version\"",
                "\"payoutAccount\":" + account("004", "1234567890123", "김철수") + ",\"version\""), "manager", "manager");
        assertThat(withAccount.statusCode()).isEqualTo(400);
        assertThat(fields(withAccount)).containsExactly("payoutAccount");
        HttpResponse<String> withMobile = http.putJson("/api/settlement/groups/" + id, current.replace("\"version\"",
                "\"verificationMobile\":\"010-9999-8888\",\"version\""), "manager", "manager");
        assertThat(fields(withMobile)).containsExactly("verificationMobile");

        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SETTLEMENT_GROUP_UPDATED' "
                + "and subject_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void unknownGroupsAre404() {
        HttpResponse<String> missing = http.getBasic("/api/settlement/groups/987654321", "manager", "manager");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.putJson("/api/settlement/groups/987654321", """
                {"name":"x","media":["m"],"contacts":[{"name":"n","email":"n@x.kr"}],"version":0}""", "manager", "manager")
                .statusCode()).isEqualTo(404);
        assertThat(http.deleteBasic("/api/settlement/groups/987654321", "manager", "manager").statusCode()).isEqualTo(404);
    }

    @Test
    void settlementManagersApiClientsAndAdminsWriteOperationsOnlyRead() {
        long partnerId = fixtures.businessPartner("(주)권한");
        assertThat(fixtures.createGroup(groupJson(partnerId, "운영팀", List.of("a"), null), "operator").statusCode())
                .isEqualTo(403);
        assertThat(fixtures.createGroup(groupJson(partnerId, "정산팀", List.of("b"), null), "manager").statusCode())
                .isEqualTo(201);
        assertThat(http.postJson("/api/settlement/groups", groupJson(partnerId, "시스템", List.of("c"), null),
                "api-client", "api-client").statusCode()).isEqualTo(201);
        assertThat(fixtures.createGroup(groupJson(partnerId, "관리자", List.of("d"), null), "admin").statusCode())
                .isEqualTo(201);
        HttpResponse<String> read = http.getBasic("/api/settlement/groups?partnerId=" + partnerId, "operator", "operator");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).extracting(g -> g.get("name").asText()).containsExactly("정산팀", "시스템", "관리자");
        assertThat(http.getBasic("/api/settlement/groups?partnerId=" + partnerId + "&q=시스", "operator", "operator")
                .body()).contains("시스템").doesNotContain("정산팀");
    }

    @Autowired
    io.billflow.settlement.application.VerificationMobileHold mobileHold;

    @Test
    void onlyAdministratorsChangeTheVerificationMobileAndItVoidsOpenCodes() {
        long id = fixtures.group("인증번호변경", List.of("매체"));
        HttpResponse<String> request = http.postJson("/api/settlement/groups/" + id + "/payout-account/change-requests",
                account("004", "123-45-6789012", "홍길동"), "manager", "manager");
        assertThat(request.statusCode()).isEqualTo(201);
        String requestId = json(request).get("id").asText();

        String body = "{\"mobile\":\"010-8765-4321\"}";
        assertThat(http.putJson("/api/settlement/groups/" + id + "/verification-mobile", body, "manager", "manager")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> changed = http.putJson("/api/settlement/groups/" + id + "/verification-mobile", body, "admin",
                "admin");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("verificationMobile").asText()).as("in force until the hold has passed")
                .isEqualTo("010-****-6789");
        assertThat(json(changed).at("/pendingVerificationMobile/mobile").asText()).isEqualTo("010-****-4321");
        assertThat(json(http.getBasic("/api/settlement/groups/" + id + "/payout-account/change-requests/" + requestId,
                "manager", "manager")).get("status").asText()).as("the mobile in place still proves").isEqualTo("PENDING");
        SettlementFixtures.mobileChangeHoldPassed(jdbc, mobileHold, id);
        assertThat(json(http.getBasic("/api/settlement/groups/" + id, "manager", "manager")).get("verificationMobile")
                .asText()).isEqualTo("010-****-4321");
        assertThat(json(http.getBasic("/api/settlement/groups/" + id + "/payout-account/change-requests/" + requestId,
                "manager", "manager")).get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(jdbc.queryForObject("select detail from audit_log where action = 'SETTLEMENT_VERIFICATION_MOBILE_CHANGED' "
                + "and subject_id = ?", String.class, String.valueOf(id))).contains("010-****-6789", "010-****-4321");
    }

    @Test
    void aGroupIsDeletedOnlyWhileItHasNoReport() {
        long empty = fixtures.group("삭제가능", List.of("매체"));
        assertThat(http.deleteBasic("/api/settlement/groups/" + empty, "manager", "manager").statusCode()).isEqualTo(204);
        assertThat(http.getBasic("/api/settlement/groups/" + empty, "manager", "manager").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from settlement_payout_account where group_id = ?", Integer.class,
                empty)).isZero();

        long withReport = fixtures.group("리포트있음", List.of("매체"));
        assertThat(http.putJson("/api/settlement/groups/" + withReport + "/reports/2026-10", """
                {"lines":[{"media":"매체","item":"2026년 10월 정산","supplyAmount":1000,"vat":100,"total":1100}]}""",
                "manager", "manager").statusCode()).isEqualTo(201);
        HttpResponse<String> refused = http.deleteBasic("/api/settlement/groups/" + withReport, "manager", "manager");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(http.getBasic("/api/settlement/groups/" + withReport, "manager", "manager").statusCode()).isEqualTo(200);
    }

    private long groups() {
        return jdbc.queryForObject("select count(*) from settlement_group", Long.class);
    }
}
