package io.billflow.invoice.bulk;

import static io.billflow.invoice.bulk.BulkColumns.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.application.InvoiceRules;
import io.billflow.partner.api.BusinessNumber;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.platform.web.FieldViolation;

/**
 * Groups rows into invoices and parses their cells, reporting each problem with row and column.
 * Business numbers are resolved to buyer companies and partners once per file (a cache per number).
 */
public class BulkInvoiceAssembler {

    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final PartnerDirectory directory;
    private final Map<String, Optional<Long>> buyers = new LinkedHashMap<>();
    private final Map<String, Optional<Long>> partners = new LinkedHashMap<>();

    public BulkInvoiceAssembler(PartnerDirectory directory) {
        this.directory = directory;
    }

    public List<BulkInvoice> assemble(List<BulkRow> rows) {
        Map<String, List<BulkRow>> groups = new LinkedHashMap<>();
        List<BulkInvoice> invoices = new ArrayList<>();
        Set<String> closed = new HashSet<>();
        String previous = null;
        for (BulkRow row : rows) {
            String key = row.get(MGT_KEY);
            if (key == null) {
                invoices.add(new BulkInvoice(null, List.of(row), null,
                        List.of(new BulkError(row.rowNumber(), MGT_KEY, "is required"))));
                continue;
            }
            if (!key.equals(previous) && groups.containsKey(key)) {
                closed.add(key);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            previous = key;
        }
        groups.forEach((key, group) -> invoices.add(closed.contains(key)
                ? new BulkInvoice(key, group, null, List.of(new BulkError(group.get(0).rowNumber(), MGT_KEY,
                        "the rows of invoice " + key + " must be consecutive (or the key is used twice in the file)")))
                : parse(key, group)));
        invoices.sort((a, b) -> Integer.compare(a.firstRow(), b.firstRow()));
        return invoices;
    }

    private BulkInvoice parse(String key, List<BulkRow> rows) {
        List<BulkError> errors = new ArrayList<>();
        BulkRow first = rows.get(0);
        if (rows.size() > InvoiceRules.MAX_LINES) {
            errors.add(new BulkError(rows.get(InvoiceRules.MAX_LINES).rowNumber(), MGT_KEY,
                    "an invoice has at most " + InvoiceRules.MAX_LINES + " lines"));
        }
        for (BulkRow row : rows.subList(1, rows.size())) {
            for (String column : INVOICE_LEVEL) {
                String value = row.get(column);
                if (value != null && !value.equals(first.get(column))) {
                    errors.add(new BulkError(row.rowNumber(), column, "differs from the invoice's first row "
                            + first.rowNumber() + "; leave it blank on further lines"));
                }
            }
        }
        Long buyerId = resolve(first, BUYER, buyers, n -> directory.buyerCompanyIdByCorpNum(n), "no buyer company", errors);
        String taxRegId = first.get(PARTNER_TAX_REG_ID);
        if (taxRegId != null && !taxRegId.matches("\\d{4}")) {
            errors.add(new BulkError(first.rowNumber(), PARTNER_TAX_REG_ID, "must be 4 digits"));
        }
        Long partnerId = resolve(first, PARTNER, partners, n -> directory.partnerIdByCorpNum(n, taxRegId),
                "no partner", errors);
        LocalDate writeDate = date(first, WRITE_DATE, true, errors);
        TaxType taxType = choice(first, TAX_TYPE, errors, TaxType::fromLabel);
        PurposeType purpose = choice(first, PURPOSE_TYPE, errors, PurposeType::fromLabel);
        ChargeDirection direction = first.get(CHARGE_DIRECTION) == null ? ChargeDirection.SUPPLIER_PAYS
                : choice(first, CHARGE_DIRECTION, errors, ChargeDirection::fromLabel);
        Boolean lateIssue = bool(first, errors);

        List<TaxInvoiceDetail> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BulkRow row = rows.get(i);
            Long supply = amount(row, SUPPLY_COST, true, errors);
            Long tax = amount(row, TAX, false, errors);
            if (tax == null && supply != null && taxType != null) {
                tax = taxType == TaxType.TAXABLE ? InvoiceRules.vatOf(supply) : 0L;
            }
            lines.add(new TaxInvoiceDetail(i + 1, date(row, PURCHASE_DT, false, errors), row.get(ITEM_NAME),
                    row.get(SPEC), decimal(row, errors), amount(row, UNIT_COST, false, errors),
                    supply == null ? 0 : supply, tax == null ? 0 : tax, row.get(LINE_REMARK)));
        }
        if (!errors.isEmpty()) {
            return new BulkInvoice(key, rows, null, errors);
        }
        long supplyTotal = lines.stream().mapToLong(TaxInvoiceDetail::supplyCost).sum();
        long taxTotal = lines.stream().mapToLong(TaxInvoiceDetail::tax).sum();
        InvoiceContent content = new InvoiceContent(buyerId, partnerId, key, null, writeDate, taxType, purpose, direction,
                supplyTotal, taxTotal, supplyTotal + taxTotal, null, null, null, null, first.get(REMARK1),
                first.get(REMARK2), first.get(REMARK3), null, null, null, Boolean.TRUE.equals(lateIssue), null, null, lines);
        return new BulkInvoice(key, rows, content, List.of());
    }

    /** Maps the service's field names (e.g. {@code detailList[2].tax}) back to the file's rows and columns. */
    public static List<BulkError> toBulkErrors(BulkInvoice invoice, List<FieldViolation> violations) {
        List<BulkError> errors = new ArrayList<>();
        for (FieldViolation v : violations) {
            String field = v.field();
            int row = invoice.firstRow();
            String column = switch (field) {
                case "buyerCompanyId" -> BUYER;
                case "partnerId" -> PARTNER;
                case "supplyCostTotal", "taxTotal", "totalAmount" -> SUPPLY_COST;
                case "detailList" -> MGT_KEY;
                default -> field;
            };
            if (field.startsWith("detailList[")) {
                int index = Integer.parseInt(field.substring("detailList[".length(), field.indexOf(']')));
                row = invoice.rows().get(Math.min(index, invoice.rows().size() - 1)).rowNumber();
                column = field.substring(field.indexOf("].") + 2);
                column = column.equals("remark") ? LINE_REMARK : column.equals("serialNum") ? MGT_KEY : column;
            }
            errors.add(new BulkError(row, column, v.message()));
        }
        return errors;
    }

    private static Long resolve(BulkRow row, String column, Map<String, Optional<Long>> cache,
                                java.util.function.Function<String, Optional<Long>> lookup, String missing,
                                List<BulkError> errors) {
        String value = row.get(column);
        if (value == null) {
            errors.add(new BulkError(row.rowNumber(), column, "is required"));
            return null;
        }
        if (!BusinessNumber.isValid(value)) {
            errors.add(new BulkError(row.rowNumber(), column, "is not a valid business registration number"));
            return null;
        }
        String digits = value.replace("-", "");
        Optional<Long> id = cache.computeIfAbsent(digits + "/" + Objects.toString(row.get(PARTNER_TAX_REG_ID), ""),
                k -> lookup.apply(digits));
        if (id.isEmpty()) {
            errors.add(new BulkError(row.rowNumber(), column, missing + " is registered under " + value));
            return null;
        }
        return id.get();
    }

    private static LocalDate date(BulkRow row, String column, boolean required, List<BulkError> errors) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                errors.add(new BulkError(row.rowNumber(), column, "is required (yyyyMMdd)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.replace("-", ""), YMD);
        } catch (DateTimeParseException e) {
            errors.add(new BulkError(row.rowNumber(), column, "is not a real date (yyyyMMdd): " + value));
            return null;
        }
    }

    private static <T> T choice(BulkRow row, String column, List<BulkError> errors,
                                java.util.function.Function<String, T> parse) {
        String value = row.get(column);
        if (value == null) {
            errors.add(new BulkError(row.rowNumber(), column, "is required"));
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new BulkError(row.rowNumber(), column, e.getMessage() + ", not " + value));
            return null;
        }
    }

    private static Boolean bool(BulkRow row, List<BulkError> errors) {
        String value = row.get(LATE_ISSUE);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "y", "yes", "1" -> true;
            case "false", "n", "no", "0" -> false;
            default -> {
                errors.add(new BulkError(row.rowNumber(), LATE_ISSUE, "must be true or false"));
                yield null;
            }
        };
    }

    private static Long amount(BulkRow row, String column, boolean required, List<BulkError> errors) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                errors.add(new BulkError(row.rowNumber(), column, "is required"));
            }
            return null;
        }
        try {
            return Long.parseLong(value.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new BulkError(row.rowNumber(), column, "must be a whole number of won: " + value));
            return null;
        }
    }

    private static BigDecimal decimal(BulkRow row, List<BulkError> errors) {
        String value = row.get(QTY);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal qty = new BigDecimal(value.replace(",", ""));
            if (qty.stripTrailingZeros().scale() > 2) {
                errors.add(new BulkError(row.rowNumber(), QTY, "must have at most 2 decimal places"));
            }
            return qty;
        } catch (NumberFormatException e) {
            errors.add(new BulkError(row.rowNumber(), QTY, "must be a number: " + value));
            return null;
        }
    }
}
