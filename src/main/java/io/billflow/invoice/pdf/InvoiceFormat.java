package io.billflow.invoice.pdf;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.domain.TaxInvoice;

/** How values are printed on the form: the conventions a Korean reader expects on a 세금계산서. */
final class InvoiceFormat {

    private static final DateTimeFormatter WRITE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private InvoiceFormat() {
    }

    /** 1,650,000 and -1,650,000 (amendments); always the ASCII comma, whatever the server's locale. */
    static String won(long amount) {
        return String.format(Locale.ROOT, "%,d", amount);
    }

    /** Blank when the optional amount (현금, 수표, 단가 …) was not given, as on the paper form. */
    static String won(Long amount) {
        return amount == null ? "" : won(amount.longValue());
    }

    /** 1,000 or 2.5: quantities may carry up to two decimals. */
    static String quantity(BigDecimal qty) {
        if (qty == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(qty);
    }

    /**
     * 사업자등록번호 as 000-00-00000. A 13-digit number (an individual's 주민등록번호) is masked after
     * the birth date, because a printout travels further than the database.
     */
    static String businessNumber(String corpNum) {
        if (corpNum == null) {
            return "";
        }
        if (corpNum.matches("\\d{10}")) {
            return corpNum.substring(0, 3) + "-" + corpNum.substring(3, 5) + "-" + corpNum.substring(5);
        }
        if (corpNum.matches("\\d{13}")) {
            return corpNum.substring(0, 6) + "-" + corpNum.charAt(6) + "******";
        }
        return corpNum;
    }

    static String writeDate(LocalDate date) {
        return date == null ? "" : WRITE_DATE.format(date);
    }

    static String month(LocalDate date) {
        return date == null ? "" : String.format(Locale.ROOT, "%02d", date.getMonthValue());
    }

    static String day(LocalDate date) {
        return date == null ? "" : String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
    }

    /** A 계산서 (면세) is a different document from a 세금계산서, and its title says so. */
    static String title(TaxInvoice invoice) {
        return invoice.taxType() == TaxType.EXEMPT ? "전자계산서" : "전자세금계산서";
    }

    /** Until the supplier signs, the NTS has not given the invoice an approval number. */
    static String approvalNumber(TaxInvoice invoice) {
        String number = invoice.ntsConfirmNum();
        return number == null || number.isBlank() ? "발급 전" : number;
    }

    /** The reason of a 수정세금계산서 (AmendmentStatusCode 01–06), blank on an original invoice. */
    static String modifyReason(Integer modifyCode) {
        if (modifyCode == null) {
            return "";
        }
        return switch (modifyCode) {
            case 1 -> "기재사항 착오정정";
            case 2 -> "공급가액 변동";
            case 3 -> "환입";
            case 4 -> "계약의 해제";
            case 5 -> "내국신용장 사후개설";
            case 6 -> "착오에 의한 이중발급";
            default -> "수정코드 " + modifyCode;
        };
    }

    /** remark1..3, one a line, empty ones left out. */
    static String remarks(TaxInvoice invoice) {
        return Stream.of(invoice.remark1(), invoice.remark2(), invoice.remark3())
                .filter(r -> r != null && !r.isBlank())
                .collect(Collectors.joining("\n"));
    }

    static String receiptOrCharge(TaxInvoice invoice) {
        return invoice.purposeType() == null ? "" : "이 금액을 " + invoice.purposeType().label() + " 함";
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
