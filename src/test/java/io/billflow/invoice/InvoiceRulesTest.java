package io.billflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.application.InvoiceRules;
import io.billflow.platform.web.FieldViolation;
import org.junit.jupiter.api.Test;

/** The invoice rules without a database: VAT, totals, signs, dates, keys. */
class InvoiceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 10);

    @Test
    void vatIsTenPercentTruncatedTowardZero() {
        assertThat(InvoiceRules.vatOf(1_000_000)).isEqualTo(100_000);
        assertThat(InvoiceRules.vatOf(12_345)).isEqualTo(1_234);
        assertThat(InvoiceRules.vatOf(9)).isZero();
        assertThat(InvoiceRules.vatOf(-12_345)).isEqualTo(-1_234);
    }

    @Test
    void aCorrectInvoicePasses() {
        assertThat(InvoiceRules.check(content(TaxType.TAXABLE, lines(TaxType.TAXABLE, 1_000_000, 500_000)), TODAY, DEADLINE))
                .isEmpty();
    }

    /** Property: for random line amounts, the rules accept exactly the invoice built with per-line VAT. */
    @Test
    void randomWellFormedInvoicesPassAndAnyTaxTypoIsCaught() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            long[] amounts = new long[1 + random.nextInt(99)];
            for (int j = 0; j < amounts.length; j++) {
                amounts[j] = 1 + random.nextInt(50_000_000);
            }
            List<TaxInvoiceDetail> lines = lines(TaxType.TAXABLE, amounts);
            assertThat(InvoiceRules.check(content(TaxType.TAXABLE, lines), TODAY, DEADLINE)).as("case %d", i).isEmpty();

            int broken = random.nextInt(lines.size());
            TaxInvoiceDetail line = lines.get(broken);
            lines.set(broken, new TaxInvoiceDetail(line.serialNum(), line.purchaseDT(), line.itemName(), null, null, null,
                    line.supplyCost(), line.tax() + 1, null));
            assertThat(fields(InvoiceRules.check(content(TaxType.TAXABLE, lines), TODAY, DEADLINE)))
                    .contains("detailList[" + broken + "].tax");
        }
    }

    @Test
    void zeroRatedAndExemptInvoicesCarryNoTax() {
        assertThat(InvoiceRules.check(content(TaxType.ZERO_RATED, lines(TaxType.ZERO_RATED, 800_000)), TODAY, DEADLINE)).isEmpty();
        List<FieldViolation> taxed = InvoiceRules.check(content(TaxType.EXEMPT, lines(TaxType.TAXABLE, 800_000)), TODAY, DEADLINE);
        assertThat(fields(taxed)).contains("detailList[0].tax", "taxTotal");
    }

    @Test
    void totalsMustMatchTheLines() {
        InvoiceContent c = content(TaxType.TAXABLE, lines(TaxType.TAXABLE, 1_000_000));
        InvoiceContent wrong = new InvoiceContent(c.buyerCompanyId(), c.partnerId(), c.invoiceeMgtKey(), null, c.writeDate(),
                c.taxType(), c.purposeType(), c.chargeDirection(), 999_999, 100_000, 1_100_001, 500_000L, null, null,
                500_000L, null, null, null, null, null, null, false, null, null, c.detailList());
        assertThat(fields(InvoiceRules.check(wrong, TODAY, DEADLINE)))
                .contains("supplyCostTotal", "totalAmount", "cash");
    }

    @Test
    void perLineTruncationMayLeaveTheTotalTaxAFewWonShort() {
        // 3 lines of 15 won: tax 1 each = 3, while 10% of 45 = 4; accepted (< 1 won a line)
        assertThat(InvoiceRules.check(content(TaxType.TAXABLE, lines(TaxType.TAXABLE, 15, 15, 15)), TODAY, DEADLINE)).isEmpty();
    }

    @Test
    void aLineStandingForSeveralUnitsMayMissTenPercentByLessThanOneWonAUnit() {
        // a settlement summary "… 외 2건" of 100,005 + 100,005 + an adjustment of -10: VAT 10,000 + 10,000 - 1
        TaxInvoiceDetail summary = new TaxInvoiceDetail(1, TODAY, "정산 외 2건", null, java.math.BigDecimal.valueOf(3), null,
                200_000, 19_999, null);
        assertThat(InvoiceRules.check(content(TaxType.TAXABLE, List.of(summary)), TODAY, DEADLINE)).isEmpty();
        TaxInvoiceDetail tooFar = new TaxInvoiceDetail(1, TODAY, "정산 외 2건", null, java.math.BigDecimal.valueOf(3), null,
                200_000, 19_997, null);
        assertThat(InvoiceRules.check(content(TaxType.TAXABLE, List.of(tooFar)), TODAY, DEADLINE))
                .extracting(FieldViolation::field).contains("detailList[0].tax", "taxTotal");
        // priced as qty × unitCost it is one supply: exactly 10%, truncated
        TaxInvoiceDetail priced = new TaxInvoiceDetail(1, TODAY, "광고", null, java.math.BigDecimal.valueOf(3), 66_667L,
                200_001, 19_999, null);
        assertThat(InvoiceRules.check(content(TaxType.TAXABLE, List.of(priced)), TODAY, DEADLINE))
                .extracting(FieldViolation::field).contains("detailList[0].tax");
        // a fractional qty is no count of items: exactly 10%, truncated
        TaxInvoiceDetail fractional = new TaxInvoiceDetail(1, TODAY, "용역", null, new java.math.BigDecimal("2.5"), null,
                200_000, 19_999, null);
        assertThat(InvoiceRules.check(content(TaxType.TAXABLE, List.of(fractional)), TODAY, DEADLINE))
                .extracting(FieldViolation::field).contains("detailList[0].tax");
    }

    @Test
    void datesAndTheDeadline() {
        InvoiceContent future = withWriteDate(TODAY.plusDays(1), false);
        assertThat(fields(InvoiceRules.check(future, TODAY, DEADLINE))).contains("writeDate");
        InvoiceContent late = withWriteDate(LocalDate.of(2026, 9, 30), false);
        assertThat(fields(InvoiceRules.check(late, TODAY, LocalDate.of(2026, 10, 12)))).contains("writeDate");
        InvoiceContent lateButFlagged = withWriteDate(LocalDate.of(2026, 9, 30), true);
        assertThat(InvoiceRules.check(lateButFlagged, TODAY, LocalDate.of(2026, 10, 12))).isEmpty();
    }

    @Test
    void negativeAmountsOnlyOnAmendmentsWithTheOriginalApprovalNumber() {
        List<TaxInvoiceDetail> negative = lines(TaxType.TAXABLE, -300_000);
        InvoiceContent plain = content(TaxType.TAXABLE, negative);
        assertThat(fields(InvoiceRules.check(plain, TODAY, DEADLINE))).contains("supplyCostTotal", "detailList[0].supplyCost");
        InvoiceContent amendment = amendment(negative, 3, "202611014100000800000001");
        assertThat(InvoiceRules.check(amendment, TODAY, DEADLINE)).isEmpty();
        assertThat(fields(InvoiceRules.check(amendment(negative, 3, null), TODAY, DEADLINE))).contains("orgNTSConfirmNum");
    }

    @Test
    void keysLinesAndTexts() {
        List<TaxInvoiceDetail> lines = lines(TaxType.TAXABLE, 1_000);
        TaxInvoiceDetail l = lines.get(0);
        lines.set(0, new TaxInvoiceDetail(2, l.purchaseDT(), "가".repeat(101), null, new BigDecimal("1.234"), 1_000L,
                l.supplyCost(), l.tax(), null));
        InvoiceContent c = content(TaxType.TAXABLE, lines);
        InvoiceContent badKey = new InvoiceContent(1, 1, "키/한글", null, TODAY, TaxType.TAXABLE, PurposeType.CHARGE,
                ChargeDirection.SUPPLIER_PAYS, c.supplyCostTotal(), c.taxTotal(), c.totalAmount(), null, null, null, null,
                "x".repeat(151), "줄\n바꿈", null, null, null, null, false, null, null, lines);
        assertThat(fields(InvoiceRules.check(badKey, TODAY, DEADLINE))).contains("invoiceeMgtKey", "detailList[0].serialNum",
                "detailList[0].itemName", "detailList[0].qty", "detailList[0].supplyCost", "remark1", "remark2");
    }

    static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }

    static List<TaxInvoiceDetail> lines(TaxType type, long... supplyCosts) {
        List<TaxInvoiceDetail> lines = new ArrayList<>();
        for (int i = 0; i < supplyCosts.length; i++) {
            long tax = type == TaxType.TAXABLE ? InvoiceRules.vatOf(supplyCosts[i]) : 0;
            lines.add(new TaxInvoiceDetail(i + 1, TODAY, "품목 " + (i + 1), null, null, null, supplyCosts[i], tax, null));
        }
        return lines;
    }

    static InvoiceContent content(TaxType type, List<TaxInvoiceDetail> lines) {
        long supply = lines.stream().mapToLong(TaxInvoiceDetail::supplyCost).sum();
        long tax = lines.stream().mapToLong(TaxInvoiceDetail::tax).sum();
        return new InvoiceContent(1, 1, "KEY-1", null, TODAY, type, PurposeType.CHARGE, ChargeDirection.SUPPLIER_PAYS,
                supply, tax, supply + tax, null, null, null, null, null, null, null, null, null, null, false, null, null,
                lines);
    }

    static InvoiceContent withWriteDate(LocalDate writeDate, boolean lateIssue) {
        InvoiceContent c = content(TaxType.TAXABLE, lines(TaxType.TAXABLE, 10_000));
        return new InvoiceContent(1, 1, "KEY-1", null, writeDate, c.taxType(), c.purposeType(), c.chargeDirection(),
                c.supplyCostTotal(), c.taxTotal(), c.totalAmount(), null, null, null, null, null, null, null, null, null,
                null, lateIssue, null, null, c.detailList());
    }

    static InvoiceContent amendment(List<TaxInvoiceDetail> lines, int code, String original) {
        InvoiceContent c = content(TaxType.TAXABLE, lines);
        return new InvoiceContent(1, 1, "KEY-A", null, TODAY, c.taxType(), c.purposeType(), c.chargeDirection(),
                c.supplyCostTotal(), c.taxTotal(), c.totalAmount(), null, null, null, null, null, null, null, null, null,
                null, false, code, original, lines);
    }
}
