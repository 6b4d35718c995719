package io.billflow.invoice.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.platform.web.FieldViolation;

/**
 * The NTS rules an invoice must meet before it is written, each violation naming the JSON field.
 * Pure: no database, no clock of its own (today and the deadline are passed in).
 */
public final class InvoiceRules {

    public static final int MAX_LINES = 99;
    public static final Pattern MGT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,24}");
    static final int MAX_ITEM_TEXT = 100;
    static final int MAX_REMARK = 150;

    private InvoiceRules() {
    }

    /** 10% VAT truncated below 1 won (toward zero, so amendments' negative amounts mirror positive ones). */
    public static long vatOf(long supplyCost) {
        return supplyCost / 10;
    }

    public static List<FieldViolation> check(InvoiceContent c, LocalDate today, LocalDate issuanceDeadline) {
        List<FieldViolation> v = new ArrayList<>();
        checkKeys(c, v);
        checkDates(c, today, issuanceDeadline, v);
        checkLines(c, v);
        checkTotals(c, v);
        checkPayments(c, v);
        checkSigns(c, v);
        checkTexts(c, v);
        return v;
    }

    private static void checkKeys(InvoiceContent c, List<FieldViolation> v) {
        if (c.invoiceeMgtKey() == null || !MGT_KEY.matcher(c.invoiceeMgtKey()).matches()) {
            v.add(FieldViolation.of("invoiceeMgtKey", "must be 1–24 characters of A–Z, a–z, 0–9, _ and -"));
        }
        if (c.invoicerMgtKey() != null && !MGT_KEY.matcher(c.invoicerMgtKey()).matches()) {
            v.add(FieldViolation.of("invoicerMgtKey", "must be 1–24 characters of A–Z, a–z, 0–9, _ and -"));
        }
    }

    private static void checkDates(InvoiceContent c, LocalDate today, LocalDate deadline, List<FieldViolation> v) {
        if (c.writeDate().isAfter(today)) {
            v.add(FieldViolation.of("writeDate", "must not be in the future (today is " + today + ")"));
        } else if (today.isAfter(deadline) && !c.lateIssue() && !keepsOriginalWriteDate(c.modifyCode())) {
            v.add(FieldViolation.of("writeDate", "the issuance deadline " + deadline + " has passed; set lateIssue "
                    + "to true to write it anyway (지연발급: the supplier pays a 1% penalty on the supply amount)"));
        }
        for (int i = 0; i < c.detailList().size(); i++) {
            LocalDate purchase = c.detailList().get(i).purchaseDT();
            if (purchase != null && purchase.isAfter(today)) {
                v.add(FieldViolation.of(line(i, "purchaseDT"), "must not be in the future"));
            }
        }
    }

    /**
     * Amendments 1 (착오정정), 5 (내국신용장 사후개설) and 6 (이중발급) carry the original's write date and
     * have their own deadlines (when the error is recognised; 25 days after the period), so the
     * 10th-of-next-month deadline does not apply to them.
     */
    public static boolean keepsOriginalWriteDate(Integer modifyCode) {
        return modifyCode != null && (modifyCode == 1 || modifyCode == 5 || modifyCode == 6);
    }

    /** A bound on the tolerance, so a huge qty cannot excuse any tax: a summary stands for at most this many lines. */
    static final long MAX_TAX_UNITS_PER_LINE = 10_000;

    private static void checkLines(InvoiceContent c, List<FieldViolation> v) {
        List<TaxInvoiceDetail> lines = c.detailList();
        if (lines.isEmpty()) {
            v.add(FieldViolation.of("detailList", "needs at least one line item"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            v.add(FieldViolation.of("detailList", "must have at most " + MAX_LINES + " line items"));
        }
        for (int i = 0; i < lines.size(); i++) {
            TaxInvoiceDetail line = lines.get(i);
            if (line.serialNum() != i + 1) {
                v.add(FieldViolation.of(line(i, "serialNum"), "must be " + (i + 1) + " (lines are numbered from 1)"));
            }
            if (line.qty() != null && line.qty().scale() > 2
                    && line.qty().stripTrailingZeros().scale() > 2) {
                v.add(FieldViolation.of(line(i, "qty"), "must have at most 2 decimal places"));
            }
            if (line.qty() != null && line.unitCost() != null) {
                long expected = line.qty().multiply(BigDecimal.valueOf(line.unitCost()))
                        .setScale(0, RoundingMode.DOWN).longValueExact();
                if (expected != line.supplyCost()) {
                    v.add(FieldViolation.of(line(i, "supplyCost"), "must be qty × unitCost = " + expected));
                }
            }
            long expectedTax = c.taxType() == TaxType.TAXABLE ? vatOf(line.supplyCost()) : 0;
            if (c.taxType() != TaxType.TAXABLE && line.tax() != 0) {
                v.add(FieldViolation.of(line(i, "tax"), "must be 0 for " + c.taxType().label()));
            } else if (Math.abs(line.tax() - expectedTax) >= units(line)) {
                v.add(FieldViolation.of(line(i, "tax"), units(line) == 1
                        ? "must be 10% of supplyCost, truncated below 1 won: " + expectedTax
                        : "must be 10% of supplyCost (" + expectedTax + "), give or take less than 1 won for each of the "
                        + line.qty().stripTrailingZeros().toPlainString() + " items the line adds up"));
            }
        }
    }

    /**
     * How many separately taxed items a line adds up: a whole {@code qty} of 2 or more on a line without a unit
     * cost (a summary "… 외 n건" whose tax is the sum of its items' taxes, each truncated — so it may miss 10% of
     * the line's supply by less than 1 won an item); otherwise 1, and the tax must be exactly 10% truncated. A
     * line priced as qty × unitCost is one supply and stays exact.
     */
    static long units(TaxInvoiceDetail line) {
        BigDecimal qty = line.qty();
        if (qty == null || line.unitCost() != null || qty.signum() <= 0 || qty.stripTrailingZeros().scale() > 0) {
            return 1;
        }
        return Math.max(1, Math.min(qty.longValue(), MAX_TAX_UNITS_PER_LINE));
    }

    private static void checkTotals(InvoiceContent c, List<FieldViolation> v) {
        long supplySum = c.detailList().stream().mapToLong(TaxInvoiceDetail::supplyCost).sum();
        long taxSum = c.detailList().stream().mapToLong(TaxInvoiceDetail::tax).sum();
        if (c.supplyCostTotal() != supplySum) {
            v.add(FieldViolation.of("supplyCostTotal", "must equal the sum of the lines' supplyCost: " + supplySum));
        }
        if (c.taxTotal() != taxSum) {
            v.add(FieldViolation.of("taxTotal", "must equal the sum of the lines' tax: " + taxSum));
        } else if (c.taxType() == TaxType.TAXABLE) {
            // each unit truncates on its own, so the total may miss 10% of the total by < 1 won a unit
            long shortfall = vatOf(c.supplyCostTotal()) - c.taxTotal();
            long units = c.detailList().stream().mapToLong(InvoiceRules::units).sum();
            if (Math.abs(shortfall) >= Math.max(1, units)) {
                v.add(FieldViolation.of("taxTotal", "must be 10% of supplyCostTotal: " + vatOf(c.supplyCostTotal())));
            }
        } else if (c.taxTotal() != 0) {
            v.add(FieldViolation.of("taxTotal", "must be 0 for " + c.taxType().label()));
        }
        if (c.totalAmount() != c.supplyCostTotal() + c.taxTotal()) {
            v.add(FieldViolation.of("totalAmount", "must equal supplyCostTotal + taxTotal: "
                    + (c.supplyCostTotal() + c.taxTotal())));
        }
    }

    private static void checkPayments(InvoiceContent c, List<FieldViolation> v) {
        if (c.cash() == null && c.chkBill() == null && c.note() == null && c.credit() == null) {
            return;
        }
        long paid = zero(c.cash()) + zero(c.chkBill()) + zero(c.note()) + zero(c.credit());
        if (paid != c.totalAmount()) {
            v.add(FieldViolation.of("cash", "cash + chkBill + note + credit must equal totalAmount " + c.totalAmount()
                    + " (is " + paid + ")"));
        }
    }

    private static void checkSigns(InvoiceContent c, List<FieldViolation> v) {
        boolean amendment = c.modifyCode() != null;
        if (!amendment && c.supplyCostTotal() <= 0) {
            v.add(FieldViolation.of("supplyCostTotal", "must be positive (negative amounts only on amendments)"));
        }
        if (Long.signum(c.taxTotal()) != 0 && Long.signum(c.taxTotal()) != Long.signum(c.supplyCostTotal())) {
            v.add(FieldViolation.of("taxTotal", "must have the same sign as supplyCostTotal"));
        }
        for (int i = 0; i < c.detailList().size(); i++) {
            TaxInvoiceDetail line = c.detailList().get(i);
            if (!amendment && line.supplyCost() < 0) {
                v.add(FieldViolation.of(line(i, "supplyCost"), "must not be negative (only on amendments)"));
            }
            if (line.tax() != 0 && Long.signum(line.tax()) != Long.signum(line.supplyCost())) {
                v.add(FieldViolation.of(line(i, "tax"), "must have the same sign as supplyCost"));
            }
        }
        for (String field : new String[] {"cash", "chkBill", "note", "credit"}) {
            Long amount = switch (field) {
                case "cash" -> c.cash();
                case "chkBill" -> c.chkBill();
                case "note" -> c.note();
                default -> c.credit();
            };
            if (amount != null && amount != 0 && Long.signum(amount) != Long.signum(c.totalAmount())) {
                v.add(FieldViolation.of(field, "must have the same sign as totalAmount"));
            }
        }
        if (amendment && (c.orgNtsConfirmNum() == null || !c.orgNtsConfirmNum().matches("\\d{24}"))) {
            v.add(FieldViolation.of("orgNTSConfirmNum", "an amendment needs the original's 24-digit approval number"));
        }
    }

    private static void checkTexts(InvoiceContent c, List<FieldViolation> v) {
        maxLength(v, "remark1", c.remark1(), MAX_REMARK);
        maxLength(v, "remark2", c.remark2(), MAX_REMARK);
        maxLength(v, "remark3", c.remark3(), MAX_REMARK);
        maxLength(v, "serialNum", c.serialNum(), 30);
        for (int i = 0; i < c.detailList().size(); i++) {
            TaxInvoiceDetail line = c.detailList().get(i);
            maxLength(v, line(i, "itemName"), line.itemName(), MAX_ITEM_TEXT);
            maxLength(v, line(i, "spec"), line.spec(), MAX_ITEM_TEXT);
            maxLength(v, line(i, "remark"), line.remark(), MAX_ITEM_TEXT);
        }
    }

    private static void maxLength(List<FieldViolation> v, String field, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(FieldViolation.of(field, "must be at most " + max + " characters"));
        } else if (value != null && value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            // control characters cannot appear in the NTS XML, so the invoice could never be transmitted
            v.add(FieldViolation.of(field, "must not contain control characters (line breaks, tabs …)"));
        }
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }

    static String line(int index, String field) {
        return "detailList[" + index + "]." + field;
    }
}
