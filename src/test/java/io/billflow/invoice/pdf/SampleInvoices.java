package io.billflow.invoice.pdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;

/** Invoices built in memory with {@link TaxInvoice#draft}, as the renderer receives them. */
final class SampleInvoices {

    static final LocalDate WRITE_DATE = LocalDate.of(2026, 10, 31);
    static final String SUPPLIER_NUMBER = "2208162517";
    static final String BUYER_NUMBER = "1248100998";

    static final Party SUPPLIER = new Party(SUPPLIER_NUMBER, "0001", "(주)한빛광고", "홍길동",
            "서울특별시 강남구 테헤란로 123, 한빛빌딩 7층", "서비스", "광고대행", "김담당", "tax@hanbit-ad.co.kr",
            "010-1234-5678", "02-555-1234");
    static final Party BUYER = new Party(BUYER_NUMBER, null, "(주)빌플로우미디어", "정운영", "서울특별시 중구 세종대로 110",
            "서비스", "온라인광고플랫폼", "박정산", "billing@billflow-media.kr", null, "02-555-0100");

    private SampleInvoices() {
    }

    /** The 과세 청구 invoice of the API fixtures: 1,500,000 + 150,000 = 1,650,000 on two lines. */
    static TaxInvoice twoLines() {
        return draft(TaxType.TAXABLE, PurposeType.CHARGE, null, List.of(
                new TaxInvoiceDetail(1, WRITE_DATE, "디스플레이 광고", "CPM", new BigDecimal("1000"), 1000L,
                        1_000_000, 100_000, "10월분"),
                new TaxInvoiceDetail(2, WRITE_DATE, "검색 광고", null, BigDecimal.ONE, 500_000L, 500_000, 50_000,
                        null)));
    }

    static TaxInvoice exempt() {
        return draft(TaxType.EXEMPT, PurposeType.RECEIPT, null, List.of(
                new TaxInvoiceDetail(1, WRITE_DATE, "도서 구입", null, new BigDecimal("3"), 20_000L, 60_000, 0, null)));
    }

    /** Lines named "품목 01호" … so that no name is part of another. */
    static TaxInvoice withLines(int count) {
        List<TaxInvoiceDetail> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new TaxInvoiceDetail(i, WRITE_DATE, itemName(i), null, BigDecimal.ONE, 10_000L, 10_000, 1_000,
                    null));
        }
        return draft(TaxType.TAXABLE, PurposeType.CHARGE, null, lines);
    }

    static String itemName(int line) {
        return String.format("품목 %02d호", line);
    }

    /** 계약의 해제 (modifyCode 4): the whole original amount, negative. */
    static TaxInvoice cancellation() {
        return draft(TaxType.TAXABLE, PurposeType.CHARGE, 4, List.of(
                new TaxInvoiceDetail(1, WRITE_DATE, "디스플레이 광고", null, null, null, -1_500_000, -150_000, null)));
    }

    static TaxInvoice draft(TaxType taxType, PurposeType purpose, Integer modifyCode, List<TaxInvoiceDetail> lines) {
        return draft(taxType, purpose, modifyCode, lines, SUPPLIER, BUYER);
    }

    static TaxInvoice draft(TaxType taxType, PurposeType purpose, Integer modifyCode, List<TaxInvoiceDetail> lines,
                            Party supplier, Party buyer) {
        long supply = lines.stream().mapToLong(TaxInvoiceDetail::supplyCost).sum();
        long tax = lines.stream().mapToLong(TaxInvoiceDetail::tax).sum();
        InvoiceContent content = new InvoiceContent(1, 2, "INV-2026-10-0001", null, WRITE_DATE, taxType, purpose,
                ChargeDirection.SUPPLIER_PAYS, supply, tax, supply + tax, null, null, null, null,
                "2026년 10월 광고 정산", "캠페인 A-17", null, 1, 12, null, false, modifyCode,
                modifyCode == null ? null : "202610314100000812345678", lines);
        return TaxInvoice.draft(content, supplier, buyer, WRITE_DATE.plusDays(10), "operator",
                Instant.parse("2026-10-31T01:00:00Z"));
    }
}
