package io.billflow.invoice;

import static io.billflow.invoice.InvoiceFixtures.id;
import static io.billflow.invoice.InvoiceFixtures.invoiceJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@BillflowSpringTest
class InvoiceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.billflow.partner.adapter.simulator.BusinessStatusSimulator businessStatus;

    TestHttp http;
    InvoiceFixtures fixtures;
    long buyer;
    long partner;

    @BeforeEach
    void parties() {
        http = new TestHttp(port);
        fixtures = new InvoiceFixtures(http);
        buyer = fixtures.buyerCompany();
        partner = fixtures.linkedPartner("(주)한빛광고");
    }

    @Test
    void draftRequestCancelWithHistory() {
        HttpResponse<String> draft = post("/api/invoices", invoiceJson(buyer, partner, "AD-2026-0001"));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        assertThat(draft.body()).contains("\"stateCode\":100", "\"stateName\":\"임시저장\"", "\"issueType\":\"역발행\"",
                "\"taxType\":\"과세\"", "\"purposeType\":\"청구\"", "\"invoicerCorpName\":\"(주)한빛광고\"",
                "\"invoiceeCorpName\":\"(주)빌플로우미디어\"", "\"supplyCostTotal\":1500000", "\"purchaseDT\":\"");
        long id = id(draft);

        HttpResponse<String> requested = post("/api/invoices/" + id + "/request", "{\"memo\":\"10월 정산분\"}");
        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(requested.body()).contains("\"stateCode\":200", "역발행대기");

        HttpResponse<String> edit = http.putJson("/api/invoices/" + id, withVersion(invoiceJson(buyer, partner, "AD-2026-0001"), 1),
                "operator", "operator");
        assertThat(edit.statusCode()).as("only drafts are edited").isEqualTo(409);

        HttpResponse<String> cancelled = post("/api/invoices/" + id + "/cancel-request", "{\"memo\":\"금액 재확인\"}");
        assertThat(cancelled.body()).contains("\"stateCode\":500", "역발행취소");
        assertThat(post("/api/invoices/" + id + "/cancel-request", "{}").statusCode()).isEqualTo(409);

        HttpResponse<String> history = http.getBasic("/api/invoices/" + id + "/history", "manager", "manager");
        assertThat(history.body())
                .containsSubsequence("\"toState\":100", "\"fromState\":100,\"toState\":200", "10월 정산분",
                        "\"fromState\":200,\"toState\":500", "금액 재확인")
                .contains("\"actor\":\"operator\"");
    }

    @Test
    void registerAndRequestInOneCall() {
        HttpResponse<String> response = post("/api/invoices/register-and-request", invoiceJson(buyer, partner, "AD-RR-1"));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"stateCode\":200");
        assertThat(http.getBasic("/api/invoices/" + id(response) + "/history", "operator", "operator").body())
                .containsSubsequence("\"toState\":100", "\"toState\":200");
    }

    @Test
    void aManagementKeyIsUniquePerBuyerUntilTheInvoiceIsDeleted() {
        long first = id(post("/api/invoices", invoiceJson(buyer, partner, "DUP-1")));
        HttpResponse<String> duplicate = post("/api/invoices", invoiceJson(buyer, partner, "DUP-1"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("\"field\":\"invoiceeMgtKey\"");

        long otherBuyer = fixtures.buyerCompany();
        assertThat(post("/api/invoices", invoiceJson(otherBuyer, partner, "DUP-1")).statusCode())
                .as("another buyer company may use the same key").isEqualTo(201);

        assertThat(http.deleteBasic("/api/invoices/" + first, "operator", "operator").statusCode()).isEqualTo(204);
        assertThat(http.getBasic("/api/invoices/" + first, "operator", "operator").statusCode()).isEqualTo(404);
        assertThat(post("/api/invoices", invoiceJson(buyer, partner, "DUP-1")).statusCode()).isEqualTo(201);
    }

    @Test
    void aRequestedInvoiceCannotBeDeleted() {
        long id = id(post("/api/invoices/register-and-request", invoiceJson(buyer, partner, "NODEL-1")));
        assertThat(http.deleteBasic("/api/invoices/" + id, "operator", "operator").statusCode()).isEqualTo(409);
    }

    @Test
    void draftsAreEditedWithTheirVersion() {
        long id = id(post("/api/invoices", invoiceJson(buyer, partner, "EDIT-1")));
        String changed = invoiceJson(buyer, partner, "EDIT-1").replace("2026년 10월 광고 정산", "수정된 비고");
        assertThat(http.putJson("/api/invoices/" + id, withVersion(changed, 7), "operator", "operator").statusCode())
                .isEqualTo(409);
        HttpResponse<String> edited = http.putJson("/api/invoices/" + id, withVersion(changed, 0), "operator", "operator");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body()).contains("수정된 비고", "\"version\":1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong line tax          | \"tax\":100000,\"remark\"        | \"tax\":100001,\"remark\"        | detailList[0].tax",
            "wrong supply total      | \"supplyCostTotal\":1500000      | \"supplyCostTotal\":1500001      | supplyCostTotal",
            "wrong tax total         | \"taxTotal\":150000              | \"taxTotal\":150001              | taxTotal",
            "wrong grand total       | \"totalAmount\":1650000          | \"totalAmount\":1650010          | totalAmount",
            "qty times unit cost     | \"unitCost\":1000,               | \"unitCost\":1001,               | detailList[0].supplyCost",
            "three decimals in qty   | \"qty\":1000,                    | \"qty\":1000.125,                | detailList[0].qty",
            "bad management key      | \"invoiceeMgtKey\":\"BAD-KEY\"   | \"invoiceeMgtKey\":\"BAD KEY!\"  | invoiceeMgtKey",
            "too long key            | \"invoiceeMgtKey\":\"BAD-KEY\"   | \"invoiceeMgtKey\":\"K234567890123456789012345\" | invoiceeMgtKey",
            "impossible write date   | \"writeDate\":\"TODAY\"           | \"writeDate\":\"20261332\"        | writeDate",
            "write date format       | \"writeDate\":\"TODAY\"           | \"writeDate\":\"2026-11-01\"      | writeDate",
            "future write date       | \"writeDate\":\"TODAY\"           | \"writeDate\":\"TOMORROW\"        | writeDate",
            "unknown tax type        | \"taxType\":\"과세\"               | \"taxType\":\"부가\"               | taxType",
            "unknown purpose         | \"purposeType\":\"청구\"           | \"purposeType\":\"외상\"           | purposeType",
            "payments do not add up  | \"remark1\"                      | \"cash\":1000,\"remark1\"       | cash",
            "negative without amend  | \"supplyCostTotal\":1500000      | \"supplyCostTotal\":-1500000     | supplyCostTotal",
            "long item name          | \"itemName\":\"검색 광고\"         | \"itemName\":\"LONG101\"          | detailList[1].itemName",
            "long remark             | \"remark1\":\"2026년 10월 광고 정산\" | \"remark1\":\"LONG151\"       | remark1",
            "unknown partner         | \"partnerId\":PARTNER,           | \"partnerId\":999999999,         | partnerId",
            "unknown buyer           | \"buyerCompanyId\":BUYER,        | \"buyerCompanyId\":999999999,    | buyerCompanyId",
            "no lines                | \"detailList\":[                 | \"detailList\":[],\"x\":[        | detailList",
            "unknown field           | \"kwon\":1                       | \"kwon\":1,\"vat\":3             | vat",
            "missing total           | \"taxTotal\":150000,             | \"remark2\":\"\",               | taxTotal",
            "amendment without orig  | \"kwon\":1                       | \"kwon\":1,\"modifyCode\":2      | orgNTSConfirmNum",
            "modify code range       | \"kwon\":1                       | \"kwon\":1,\"modifyCode\":7      | modifyCode"})
    void everyRuleIsA400NamingTheFieldAndWritesNothing(String rule, String from, String to, String field) {
        String today = InvoiceFixtures.YMD.format(LocalDate.now(ZoneId.of("Asia/Seoul")));
        String tomorrow = InvoiceFixtures.YMD.format(LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(1));
        String valid = invoiceJson(buyer, partner, "BAD-KEY");
        String search = from.replace("TODAY", today).replace("PARTNER", String.valueOf(partner))
                .replace("BUYER", String.valueOf(buyer));
        String replacement = to.replace("TOMORROW", tomorrow).replace("LONG101", "가".repeat(101))
                .replace("LONG151", "가".repeat(151));
        assertThat(valid).as("fixture contains %s", search).contains(search);
        String invalid = valid.replaceFirst(java.util.regex.Pattern.quote(search),
                java.util.regex.Matcher.quoteReplacement(replacement));
        if (rule.equals("no lines")) {
            invalid = valid.substring(0, valid.indexOf("\"detailList\"")) + "\"detailList\":[]}";
        }
        long before = jdbc.queryForObject("select count(*) from tax_invoice", Long.class);

        HttpResponse<String> response = post("/api/invoices", invalid);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        assertThat(jdbc.queryForObject("select count(*) from tax_invoice", Long.class)).isEqualTo(before);
    }

    @Test
    void unlinkedAndClosedPartnersCannotBeInvoiced() {
        HttpResponse<String> unlinkedPartner = http.postJson("/api/partners",
                TestData.partnerJson(TestData.newBusinessNumber(), "(주)미연동"), "operator", "operator");
        long unlinked = id(unlinkedPartner);
        HttpResponse<String> refused = post("/api/invoices", invoiceJson(buyer, unlinked, "UNLINKED-1"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"partnerId\"", "국세청 연동");

        // a draft written while linked cannot be requested once the partner is unlinked
        long draft = id(post("/api/invoices", invoiceJson(buyer, partner, "UNLINK-LATER")));
        http.deleteBasic("/api/partners/" + partner + "/nts-link", "operator", "operator");
        HttpResponse<String> request = post("/api/invoices/" + draft + "/request", "{}");
        assertThat(request.statusCode()).isEqualTo(400);
        assertThat(http.getBasic("/api/invoices/" + draft, "operator", "operator").body()).contains("\"stateCode\":100");
    }

    @Test
    void aBusinessThatClosedSinceLinkingCannotReceiveTheRequest() {
        long draft = id(post("/api/invoices", invoiceJson(buyer, partner, "CLOSED-LATER")));
        // the partner's status was last looked up two days ago, and the business has closed since
        String corpNum = jdbc.queryForObject("select corp_num from partner where id = ?", String.class, partner);
        jdbc.update("update partner set business_state_checked_at = now() - interval '2 days' where id = ?", partner);
        businessStatus.setClosed(corpNum, true);
        try {
            HttpResponse<String> request = post("/api/invoices/" + draft + "/request", "{}");
            assertThat(request.statusCode()).isEqualTo(400);
            assertThat(request.body()).contains("\"field\":\"partnerId\"", "폐업");
            assertThat(jdbc.queryForObject("select business_state from partner where id = ?", String.class, partner))
                    .isEqualTo("CLOSED");
        } finally {
            businessStatus.setClosed(corpNum, false);
        }
    }

    @Test
    void lateWriteDatesNeedTheLateIssueFlag() {
        String old = invoiceJson(buyer, partner, "LATE-1").replaceAll("\"(writeDate|purchaseDT)\":\"\\d{8}\"", "\"$1\":\"20250131\"");
        HttpResponse<String> refused = post("/api/invoices", old);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"writeDate\"", "lateIssue", "2025-02-10");
        HttpResponse<String> accepted = post("/api/invoices", old.replace("\"kwon\":1", "\"kwon\":1,\"lateIssue\":true"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.body()).contains("\"lateIssue\":true", "\"issuanceDeadline\":\"20250210\"");
    }

    @Test
    void searchByStatePatternDatesAndPartner() {
        long draft = id(post("/api/invoices", invoiceJson(buyer, partner, "S-DRAFT")));
        long requested = id(post("/api/invoices/register-and-request", invoiceJson(buyer, partner, "S-REQ")));
        String today = InvoiceFixtures.YMD.format(LocalDate.now(ZoneId.of("Asia/Seoul")));

        String twoStar = http.getBasic("/api/invoices?state=2**&partnerId=" + partner, "manager", "manager").body();
        assertThat(twoStar).contains("\"id\":" + requested).doesNotContain("\"id\":" + draft + ",");
        String both = http.getBasic("/api/invoices?state=1**,2**&dateType=R&from=" + today + "&to=" + today
                + "&buyerCompanyId=" + buyer + "&sort=totalAmount&order=asc", "manager", "manager").body();
        assertThat(both).contains("\"id\":" + requested, "\"id\":" + draft, "\"total\":2");
        assertThat(http.getBasic("/api/invoices?q=S-REQ&buyerCompanyId=" + buyer, "manager", "manager").body())
                .contains("\"total\":1");
        assertThat(http.getBasic("/api/invoices?state=7x*", "manager", "manager").body()).contains("\"field\":\"state\"");
        assertThat(http.getBasic("/api/invoices?from=2026-01-01", "manager", "manager").body()).contains("\"field\":\"from\"");
    }

    @Test
    void settlementManagersReadButDoNotWrite() {
        assertThat(http.postJson("/api/invoices", invoiceJson(buyer, partner, "RO-1"), "manager", "manager").statusCode())
                .isEqualTo(403);
        assertThat(http.getBasic("/api/invoices?size=1", "manager", "manager").statusCode()).isEqualTo(200);
        assertThat(http.getBasic("/api/invoices?size=1", "nobody", "nothing").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String json) {
        return http.postJson(path, json, "operator", "operator");
    }

    private static String withVersion(String json, int version) {
        return json.substring(0, json.lastIndexOf('}')) + ",\"version\":" + version + "}";
    }
}
