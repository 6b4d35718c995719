package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.account;
import static io.billflow.settlement.SettlementFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.TestHttp;
import io.billflow.settlement.application.VerificationMobileHold;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * #13: whoever controls a group's verification mobile changes its payout account and opens an individual's portal.
 * Even the administrator who may change it cannot use it at once: the change waits for the hold, the group's
 * contacts are told, codes keep going to the mobile in place, and settlement managers cancel it when the partner calls.
 */
@BillflowSpringTest
class VerificationMobileHoldTest {

    static final String ADMINS_OWN = "{\"mobile\":\"010-7777-0001\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    VerificationMobileHold mobileHold;

    TestHttp http;
    long group;

    @BeforeEach
    void aGroupWithItsMobile() {
        http = new TestHttp(port);
        group = new SettlementFixtures(http).group("모바일보류", List.of("모바일보류매체"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theAdministratorsOwnMobileWaitsWhileCodesGoToTheMobileInPlaceAndTheContactsAreTold() throws Exception {
        HttpResponse<String> changed = http.putJson("/api/settlement/groups/" + group + "/verification-mobile",
                ADMINS_OWN, "admin", "admin");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("verificationMobile").asText()).isEqualTo("010-****-6789");
        assertThat(json(changed).at("/pendingVerificationMobile/mobile").asText()).isEqualTo("010-****-0001");
        assertThat(json(changed).at("/pendingVerificationMobile/requestedBy").asText()).isEqualTo("admin");

        long changeId = jdbc.queryForObject("select id from settlement_verification_mobile_change where group_id = ? "
                + "and state = 'HELD'", Long.class, group);
        List<String> told = jdbc.queryForList("select recipients from notification_message where dedup_key like ? "
                + "and channel = 'EMAIL'", String.class, "verification-mobile-change:" + changeId + ":%");
        assertThat(told).as("the group's contacts, by a mail they cannot switch off").isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = "
                + "'SETTLEMENT_VERIFICATION_MOBILE_CHANGE_HELD' and subject_id = ?", Integer.class,
                String.valueOf(group))).isEqualTo(1);

        // an account change asked for meanwhile is proved with the mobile in place, not with the administrator's
        HttpResponse<String> request = http.postJson("/api/settlement/groups/" + group
                + "/payout-account/change-requests", account("004", "123-45-6789012", "홍길동"), "manager", "manager");
        assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
        assertThat(jdbc.queryForList("select recipients from notification_message where dedup_key like ? ",
                String.class, "payout-account-code:" + json(request).get("id").asText() + "%"))
                .isNotEmpty().allSatisfy(to -> assertThat(to).contains("6789").doesNotContain("7777"));

        assertThat(mobileHold.applyDue()).as("not yet due").isZero();
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThat(mobileHold.applyDue()).isGreaterThanOrEqualTo(1);
        assertThat(json(http.getBasic("/api/settlement/groups/" + group, "manager", "manager"))
                .get("verificationMobile").asText()).isEqualTo("010-****-0001");
        assertThat(json(http.getBasic("/api/settlement/groups/" + group + "/payout-account/change-requests/"
                + json(request).get("id").asText(), "manager", "manager")).get("status").asText())
                .as("what the old mobile could still prove is void once the new one is in force").isEqualTo("SUPERSEDED");
    }

    @Test
    void settlementManagersCancelItWhenThePartnerCallsAndNothingApplies() {
        http.putJson("/api/settlement/groups/" + group + "/verification-mobile", ADMINS_OWN, "admin", "admin");
        String cancel = "/api/settlement/groups/" + group + "/verification-mobile-change";
        assertThat(http.deleteBasic(cancel, "api-client", "api-client").statusCode()).isEqualTo(403);
        assertThat(http.deleteBasic(cancel, "operator", "operator").statusCode()).isEqualTo(403);
        assertThat(http.deleteBasic(cancel, "manager", "manager").statusCode()).isEqualTo(204);
        assertThat(http.deleteBasic(cancel, "manager", "manager").statusCode()).isEqualTo(404);
        clock.advance(Duration.ofDays(4));
        mobileHold.applyDue();
        assertThat(json(http.getBasic("/api/settlement/groups/" + group, "manager", "manager"))
                .get("verificationMobile").asText()).isEqualTo("010-****-6789");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = "
                + "'SETTLEMENT_VERIFICATION_MOBILE_CHANGE_CANCELLED' and subject_id = ?", Integer.class,
                String.valueOf(group))).isEqualTo(1);
    }
}
