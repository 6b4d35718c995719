package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.json;
import static io.billflow.settlement.SettlementProgressFixture.importReport;
import static io.billflow.settlement.SettlementProgressFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settlement shows partners from its own copy (settlement_partner), kept by the partner module's PartnerNamed
 * event: a registered partner is there at once, and a rename reaches the settlement's lists in the same transaction.
 * Month 2019-05 is this class's own.
 */
@BillflowSpringTest
class SettlementPartnerCopyTest {

    static final String MONTH = "2019-05";
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRenamedPartnerIsShownUnderItsNewNameInTheSettlement() {
        TestHttp http = new TestHttp(port);
        long partnerId = new SettlementFixtures(http).businessPartner("(주)옛이름미디어");
        assertThat(jdbc.queryForMap("select partner_type, trim(corp_num) as corp_num, corp_name from settlement_partner "
                + "where partner_id = ?", partnerId)).containsEntry("partner_type", "BUSINESS")
                .containsEntry("corp_name", "(주)옛이름미디어");

        HttpResponse<String> group = http.postJson("/api/settlement/groups",
                SettlementFixtures.groupJson(partnerId, "이름 바뀌는 그룹", List.of("이름매체"), null), "manager", "manager");
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        importReport(http, json(group).get("id").asLong(), MONTH, line("이름매체", "5월 정산", 100_000, 10_000));
        assertThat(partnerNameOnTheDashboard()).isEqualTo("(주)옛이름미디어");

        HttpResponse<String> stored = http.getBasic("/api/partners/" + partnerId, "operator", "operator");
        Matcher version = VERSION.matcher(stored.body());
        assertThat(version.find()).isTrue();
        String renamed = TestData.partnerJson(json(stored).get("corpNum").asText().replace("-", ""), "(주)새이름미디어");
        HttpResponse<String> put = http.putJson("/api/partners/" + partnerId,
                renamed.substring(0, renamed.lastIndexOf('}')) + ",\"version\":" + version.group(1) + "}",
                "operator", "operator");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select corp_name from settlement_partner where partner_id = ?", String.class,
                partnerId)).isEqualTo("(주)새이름미디어");
        assertThat(partnerNameOnTheDashboard()).isEqualTo("(주)새이름미디어");
    }

    /** The settlement dashboard's report list for the month (read from the copy): which partner name it shows. */
    private String partnerNameOnTheDashboard() {
        TestHttp manager = new TestHttp(port);
        manager.login("manager", "manager");
        HttpResponse<String> dashboard = manager.get("/settlement/dashboard?month=" + MONTH);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        boolean oldName = dashboard.body().contains("(주)옛이름미디어");
        boolean newName = dashboard.body().contains("(주)새이름미디어");
        assertThat(oldName ^ newName).as("exactly one of the names on the page").isTrue();
        return oldName ? "(주)옛이름미디어" : "(주)새이름미디어";
    }
}
