package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.billflow.BillflowSpringTest;
import io.billflow.SupplierBrowser;
import io.billflow.TestHttp;
import io.billflow.notification.application.MailOutboxWorker;
import io.billflow.settlement.adapter.simulator.BankSimulator;
import io.billflow.workflow.BpmnIds.Settlement;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settlement invariants over the running chain, on seeded random months: lines imported over HTTP → review →
 * the partner's reverse invoice signed and transmitted → payout through a bank that loses answers and fails
 * calls → the bank's ledger. For every report: the lines' sum = the report's totals = the invoice's amounts
 * (businesses), payout + withholding = the report total, and the bank moved exactly the payout, once.
 */
@BillflowSpringTest
class SettlementRunningChainInvariantsTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final long SEED = 20261122L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    MailOutboxWorker mailWorker;

    @Autowired
    BankSimulator bank;

    record Payee(long partnerId, String corpNum, String holder, boolean individual) {
    }

    record Imported(long reportId, Payee payee, long supply, long vat, long total) {
    }

    @AfterEach
    void reliableBankAgain() {
        bank.setLostAnswerRate(0);
        bank.setTransientFailureRate(0);
    }

    @Test
    void everyWonFromTheImportedLinesToTheBankLedger() {
        Random random = new Random(SEED);
        TestHttp staff = new TestHttp(port);
        SettlementFixtures fixtures = new SettlementFixtures(staff);
        SettlementDriver driver = new SettlementDriver(staff, jdbc, managementService, runtimeService);
        fixtures.settlementBuyer();
        YearMonth month = YearMonth.now(SEOUL);
        LocalDate today = LocalDate.now(SEOUL);

        // three businesses with up to three groups each, four individuals: random lines, imported over HTTP
        List<Payee> payees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String corpNum = io.billflow.TestData.newBusinessNumber();
            long partnerId = SettlementFixtures.json(staff.postJson("/api/partners",
                    io.billflow.TestData.partnerJson(corpNum, "(주)불변식" + i), "operator", "operator")).get("id").asLong();
            staff.postJson("/api/partners/" + partnerId + "/nts-link", "", "operator", "operator");
            payees.add(new Payee(partnerId, corpNum, "(주)불변식" + i, false));
        }
        for (int i = 0; i < 4; i++) {
            String name = "작가" + (char) ('가' + random.nextInt(100)) + i;
            payees.add(new Payee(fixtures.individualPartner(name), null, name, true));
        }
        List<Imported> reports = new ArrayList<>();
        int group = 0;
        for (Payee payee : payees) {
            int groups = payee.individual() ? 1 : 1 + random.nextInt(3);
            for (int g = 0; g < groups; g++, group++) {
                reports.add(importRandomMonth(staff, random, payee, group, month));
            }
        }

        // review, confirmation, the reverse invoices signed by each business in the portal
        for (Imported report : reports) {
            driver.requestReview(report.reportId());
            driver.completeTask(report.reportId(), Settlement.TASK_REVIEW, "manager", "reviewDecision", "approve");
            driver.runJobs(report.reportId());
            if (!report.payee().individual()) {
                driver.confirmForThePartner(report.reportId(), today);
                driver.runJobs(report.reportId());
            }
        }
        Map<Long, List<Imported>> byBusiness = reports.stream().filter(r -> !r.payee().individual())
                .collect(Collectors.groupingBy(r -> r.payee().partnerId()));
        byBusiness.values().forEach(own -> {
            Payee business = own.get(0).payee();
            SupplierBrowser signer = SupplierBrowser.fromIssueRequestMail(port, "STL-" + own.get(0).reportId(),
                    business.corpNum(), () -> mailWorker.deliverBatch(100))
                    .registersTestCertificate(staff, business.partnerId());
            own.forEach(r -> signer.approves(driver.invoiceOf(r.reportId())));
        });
        reports.forEach(r -> driver.runJobs(r.reportId()));
        driver.runNightlyBatch();
        reports.forEach(r -> driver.runJobs(r.reportId()));

        // payout day, with a bank that loses a third of its answers and refuses a fifth of the calls
        bank.setLostAnswerRate(0.33);
        bank.setTransientFailureRate(0.2);
        for (Imported report : reports) {
            driver.payoutDayIsNow(report.reportId());
            driver.runJobsRetryingIncidentsLikeOperations(report.reportId());
        }

        for (Imported report : reports) {
            long id = report.reportId();
            assertThat(driver.status(id)).as("report " + id + " waits at " + driver.whereItWaits(id)).isEqualTo("PAID");
            Map<String, Object> stored = jdbc.queryForMap("select supply_total, vat_total, total_amount from "
                    + "settlement_report where id = ?", id);
            Map<String, Object> lines = jdbc.queryForMap("select sum(supply_amount) supply, sum(vat) vat, sum(total) total "
                    + "from settlement_report_line where report_id = ?", id);
            assertThat(List.of(stored.get("supply_total"), stored.get("vat_total"), stored.get("total_amount")))
                    .as("report = imported lines")
                    .containsExactly(report.supply(), report.vat(), report.total());
            assertThat(List.of(((Number) lines.get("supply")).longValue(), ((Number) lines.get("vat")).longValue(),
                    ((Number) lines.get("total")).longValue())).as("stored lines = report")
                    .containsExactly(report.supply(), report.vat(), report.total());
            if (!report.payee().individual()) {
                Map<String, Object> invoice = jdbc.queryForMap("select supply_cost_total, tax_total, total_amount, "
                        + "state_code from tax_invoice where id = ?", driver.invoiceOf(id));
                assertThat(List.of(((Number) invoice.get("supply_cost_total")).longValue(),
                        ((Number) invoice.get("tax_total")).longValue(), ((Number) invoice.get("total_amount")).longValue(),
                        ((Number) invoice.get("state_code")).longValue()))
                        .as("invoice = report, transmitted").containsExactly(report.supply(), report.vat(), report.total(), 304L);
            }
            Map<String, Object> payout = jdbc.queryForMap("select gross_amount, payout_amount, income_tax, "
                    + "local_income_tax, idempotency_key from settlement_payout where report_id = ?", id);
            long paid = ((Number) payout.get("payout_amount")).longValue();
            long withheld = ((Number) payout.get("income_tax")).longValue()
                    + ((Number) payout.get("local_income_tax")).longValue();
            assertThat(paid + withheld).as("payout + withholding = report total").isEqualTo(report.total());
            assertThat(withheld > 0).as("withholding only for individuals").isEqualTo(report.payee().individual());
            String key = (String) payout.get("idempotency_key");
            List<BankSimulator.LedgerEntry> moved = bank.transfers().stream()
                    .filter(e -> e.idempotencyKey().equals(key)).toList();
            assertThat(moved).as("the bank moved the payout once").hasSize(1);
            assertThat(moved.get(0).amount()).isEqualTo(paid);
        }
    }

    private Imported importRandomMonth(TestHttp staff, Random random, Payee payee, int group, YearMonth month) {
        int lineCount = 1 + random.nextInt(5);
        List<String> media = new ArrayList<>();
        for (int m = 0; m < Math.min(lineCount, 3); m++) {
            media.add("매체" + group + "-" + m);
        }
        long accountDigits = 1_000_000L + random.nextInt(8_999_999);
        String number = "110-" + group + "-" + accountDigits;
        bank.addAccount("088", number, payee.holder());
        long groupId = SettlementFixtures.json(staff.postJson("/api/settlement/groups", SettlementFixtures.groupJson(
                payee.partnerId(), "불변식그룹" + group + "-" + System.nanoTime() % 100_000, media,
                SettlementFixtures.account("088", number, payee.holder())), "manager", "manager")).get("id").asLong();
        long supply = 0;
        long vat = 0;
        StringBuilder lines = new StringBuilder();
        for (int l = 0; l < lineCount; l++) {
            boolean adjustment = l > 0 && random.nextInt(4) == 0;
            long lineSupply = adjustment ? -(1 + random.nextInt(30_000)) : 100_000 + random.nextInt(1_500_000);
            long lineVat = payee.individual() ? 0 : lineSupply / 10;
            supply += lineSupply;
            vat += lineVat;
            if (l > 0) {
                lines.append(',');
            }
            lines.append(SettlementProgressFixture.line(media.get(l % media.size()), month + " 정산 " + l, lineSupply,
                    lineVat, adjustment));
        }
        long reportId = SettlementProgressFixture.importReport(staff, groupId, month.toString(), lines.toString());
        return new Imported(reportId, payee, supply, vat, supply + vat);
    }
}
