package io.billflow.settlement.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.billflow.invoice.application.InvoiceRules;
import io.billflow.settlement.api.PartnerSettlements.InvoicePreview;
import io.billflow.settlement.api.PartnerSettlements.PreviewItem;
import io.billflow.settlement.api.SettlementDirectory.Line;
import io.billflow.settlement.api.SettlementDirectory.ReportSnapshot;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.Withholding;
import org.junit.jupiter.api.Test;

/**
 * Every won accounted for along the chain, over seeded random reports: the invoice the partner previews
 * (and that {@link SettlementFlowService} writes from that preview) carries the report's totals, its items
 * add up to them, and the payout plus what is withheld is the report total.
 */
class SettlementChainInvariantsTest {

    static final long SEED = 20261122L;

    @Test
    void reportInvoiceAndPayoutAgreeToTheWon() {
        Random random = new Random(SEED);
        for (int run = 0; run < 5_000; run++) {
            boolean individual = random.nextInt(4) == 0;
            ReportSnapshot report = randomReport(random, run, individual);

            InvoicePreview invoice = PartnerSettlementService.preview(report);
            assertThat(invoice.supplyTotal()).isEqualTo(report.supplyTotal());
            assertThat(invoice.taxTotal()).isEqualTo(report.vatTotal());
            assertThat(invoice.totalAmount()).isEqualTo(report.totalAmount())
                    .isEqualTo(invoice.supplyTotal() + invoice.taxTotal());
            assertThat(invoice.items().stream().mapToLong(PreviewItem::supplyCost).sum()).as("run %d", run)
                    .isEqualTo(report.supplyTotal());
            assertThat(invoice.items().stream().mapToLong(PreviewItem::tax).sum()).as("run %d", run)
                    .isEqualTo(report.vatTotal());
            assertThat(invoice.items()).hasSizeLessThanOrEqualTo(SettlementFlowService.MAX_INVOICE_LINES);
            if (!individual) {
                // the invoice module accepts what settlement writes (a refusal would stop the month in an incident)
                LocalDate writeDate = LocalDate.of(2026, 11, 20);
                assertThat(InvoiceRules.check(SettlementFlowService.invoiceContent(1, report, writeDate), writeDate,
                        LocalDate.of(2026, 12, 10))).as("run %d", run).isEmpty();
            }

            Withholding payout = Withholding.of(individual ? PayeeType.INDIVIDUAL : PayeeType.BUSINESS,
                    report.totalAmount());
            assertThat(payout.payout() + payout.incomeTax() + payout.localIncomeTax()).as("run %d", run)
                    .isEqualTo(report.totalAmount());
            assertThat(payout.incomeTax() % 10).isZero();
            assertThat(payout.localIncomeTax() % 10).isZero();
            if (!individual) {
                assertThat(payout.payout()).isEqualTo(report.totalAmount());
            }
        }
    }

    /** 1–150 lines (over 99 forces the summary line), VAT 10% truncated for businesses, some deductions. */
    private static ReportSnapshot randomReport(Random random, int run, boolean individual) {
        int count = 1 + (random.nextInt(10) == 0 ? random.nextInt(150) : random.nextInt(12));
        List<Line> lines = new ArrayList<>();
        long supplyTotal = 0;
        long vatTotal = 0;
        for (int i = 0; i < count; i++) {
            boolean adjustment = i > 0 && random.nextInt(15) == 0;
            long supply = (adjustment ? -1 : 1) * (1 + random.nextInt(9_999_999));
            long vat = individual ? 0 : supply / 10;
            lines.add(new Line("매체" + i, "정산 " + run, supply, vat, supply + vat, adjustment));
            supplyTotal += supply;
            vatTotal += vat;
        }
        if (supplyTotal + vatTotal <= 0) { // a report is never negative overall: drop the deductions
            return randomReport(random, run, individual);
        }
        return new ReportSnapshot(run, 1, 1, YearMonth.of(2026, 10), "PUBLISHED", individual ? "NONE" : "TEN_PERCENT_TRUNCATED",
                supplyTotal, vatTotal, supplyTotal + vatTotal, 1, LocalDate.of(2026, 11, 10), lines);
    }
}
