package io.billflow.invoice.adapter.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;

/** Turns an {@link InvoiceRequest} into {@link InvoiceContent}; impossible dates become field errors. */
final class InvoiceRequestMapper {

    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private InvoiceRequestMapper() {
    }

    static InvoiceContent toContent(InvoiceRequest r) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate writeDate = date(r.writeDate(), "writeDate", violations);
        List<TaxInvoiceDetail> lines = new ArrayList<>();
        for (int i = 0; i < r.detailList().size(); i++) {
            InvoiceRequest.Line line = r.detailList().get(i);
            LocalDate purchase = line.purchaseDT() == null ? null
                    : date(line.purchaseDT(), "detailList[" + i + "].purchaseDT", violations);
            lines.add(new TaxInvoiceDetail(line.serialNum(), purchase, blankToNull(line.itemName()),
                    blankToNull(line.spec()), line.qty(), line.unitCost(), line.supplyCost(), line.tax(),
                    blankToNull(line.remark())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new InvoiceContent(r.buyerCompanyId(), r.partnerId(), r.invoiceeMgtKey().strip(),
                blankToNull(r.invoicerMgtKey()), writeDate, r.taxType(), r.purposeType(),
                r.chargeDirection() == null ? ChargeDirection.SUPPLIER_PAYS : r.chargeDirection(),
                r.supplyCostTotal(), r.taxTotal(), r.totalAmount(), r.cash(), r.chkBill(), r.note(), r.credit(),
                blankToNull(r.remark1()), blankToNull(r.remark2()), blankToNull(r.remark3()), r.kwon(), r.ho(),
                blankToNull(r.serialNum()), Boolean.TRUE.equals(r.lateIssue()), r.modifyCode(),
                blankToNull(r.orgNTSConfirmNum()), lines);
    }

    static LocalDate date(String value, String field, List<FieldViolation> violations) {
        try {
            LocalDate date = LocalDate.parse(value, YMD);
            var outOfRange = io.billflow.platform.web.input.SaneDates.problem(date);
            if (outOfRange.isPresent()) {
                violations.add(FieldViolation.of(field, outOfRange.get()));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(FieldViolation.of(field, "is not a real date (yyyyMMdd)"));
            return null;
        }
    }

    static LocalDate date(String value, String field) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate date = date(value, field, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return date;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
