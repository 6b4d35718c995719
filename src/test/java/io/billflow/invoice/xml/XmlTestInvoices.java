package io.billflow.invoice.xml;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;
import org.springframework.test.util.ReflectionTestUtils;

/** Invoices for the XML tests, built through {@link TaxInvoice#draft}; "saved" by giving them an id. */
public final class XmlTestInvoices {

    /** 15:30:05 UTC on 31 October is 00:30:05 on 1 November in Seoul. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-31T15:30:05Z"), ZoneOffset.UTC);
    static final LocalDate WRITE_DATE = LocalDate.of(2026, 10, 31);
    static final String APPROVAL_NUMBER = "202610314100000812345678";

    static final Party SUPPLIER = new Party("1248100998", "0001", "(주)한빛 & <광고>", "홍길동",
            "서울특별시 강남구 테헤란로 123 \"한빛빌딩\" 5층", "서비스", "광고대행", "김담당", "tax@hanbit.co.kr",
            "010-1234-5678", "02-555-0199");
    static final Party BUYER = new Party("2208162517", null, "(주)빌플로우미디어", "정운영",
            "서울특별시 중구 세종대로 110", "서비스", "온라인광고플랫폼", "박정산", "billing@billflow-media.kr",
            "010-9876-5432", null);

    private XmlTestInvoices() {
    }

    /** 과세, 청구, every optional field filled, markup characters in names, remarks and items. */
    public static TaxInvoice full() {
        List<TaxInvoiceDetail> lines = List.of(
                new TaxInvoiceDetail(1, LocalDate.of(2026, 10, 15), "디스플레이 광고 <CPM>", "1,000회 & 노출",
                        new BigDecimal("1000"), 1000L, 1_000_000, 100_000, "10월분"),
                new TaxInvoiceDetail(2, WRITE_DATE, "검색 광고", null, new BigDecimal("2.50"), 200_000L, 500_000,
                        50_000, null));
        InvoiceContent content = new InvoiceContent(7, 9, "INV-2026-10_001", null, WRITE_DATE, TaxType.TAXABLE,
                PurposeType.CHARGE, ChargeDirection.SUPPLIER_PAYS, 1_500_000, 150_000, 1_650_000, 150_000L,
                500_000L, 0L, 1_000_000L, "2026년 10월 광고 정산", "A&B <특약>", null, 1, 12, null, false, null,
                null, lines);
        TaxInvoice invoice = saved(TaxInvoice.draft(content, SUPPLIER, BUYER, WRITE_DATE.plusDays(10), "operator",
                CLOCK.instant()), 42);
        // as after issuance, which is not built yet (the supplier's signature gives the approval number)
        ReflectionTestUtils.setField(invoice, "ntsConfirmNum", APPROVAL_NUMBER);
        return invoice;
    }

    /** 계약의 해제 (modifyCode 4): everything negative, pointing at the original's approval number. */
    static TaxInvoice cancellation() {
        List<TaxInvoiceDetail> lines = List.of(new TaxInvoiceDetail(1, WRITE_DATE, "디스플레이 광고 계약해제", null,
                new BigDecimal("-1"), 1_500_000L, -1_500_000, -150_000, "당초 2026-10-15"));
        return saved(TaxInvoice.draft(content(TaxType.TAXABLE, PurposeType.CHARGE, -1_500_000, -150_000, 4,
                APPROVAL_NUMBER, -1_650_000L, lines), SUPPLIER, BUYER, WRITE_DATE, "operator", CLOCK.instant()), 43);
    }

    /** 영세 (zero-rated), 영수: no tax. */
    static TaxInvoice zeroRated() {
        List<TaxInvoiceDetail> lines = List.of(new TaxInvoiceDetail(1, WRITE_DATE, "수출 대행 광고", "해외",
                BigDecimal.ONE, 3_000_000L, 3_000_000, 0, null));
        return saved(TaxInvoice.draft(content(TaxType.ZERO_RATED, PurposeType.RECEIPT, 3_000_000, 0, null, null,
                3_000_000L, lines), SUPPLIER, BUYER, WRITE_DATE, "operator", CLOCK.instant()), 44);
    }

    /** 면세 (exempt): a 계산서, no tax. */
    static TaxInvoice exempt() {
        List<TaxInvoiceDetail> lines = List.of(new TaxInvoiceDetail(1, WRITE_DATE, "도서 광고 지면", null,
                new BigDecimal("4"), 200_000L, 800_000, 0, null));
        return saved(TaxInvoice.draft(content(TaxType.EXEMPT, PurposeType.CHARGE, 800_000, 0, null, null, null,
                lines), SUPPLIER, BUYER, WRITE_DATE, "operator", CLOCK.instant()), 45);
    }

    /** Only what an invoice must have: no remarks, payments, 종사업장, contacts, unit cost or dates on lines. */
    public static TaxInvoice minimalForSigning() {
        return minimal();
    }

    public static TaxInvoice cancellationForSigning() {
        return cancellation();
    }

    static TaxInvoice minimal() {
        Party supplier = new Party("1248100998", null, "(주)한빛광고", "홍길동", null, null, null, null, null, null,
                null);
        Party buyer = new Party("2208162517", " ", "(주)빌플로우미디어", "정운영", "", null, null, null, null, null,
                null);
        List<TaxInvoiceDetail> lines = List.of(new TaxInvoiceDetail(1, null, "광고", null, null, null, 100_000,
                10_000, null));
        return saved(TaxInvoice.draft(content(TaxType.TAXABLE, PurposeType.CHARGE, 100_000, 10_000, null, null, null,
                lines), supplier, buyer, WRITE_DATE, "operator", CLOCK.instant()), 46);
    }

    /** A taxable invoice of the given type and modify code, amounts as for a normal invoice. */
    static TaxInvoice ofType(TaxType taxType, Integer modifyCode) {
        long tax = taxType == TaxType.TAXABLE ? 10_000 : 0;
        List<TaxInvoiceDetail> lines = List.of(new TaxInvoiceDetail(1, WRITE_DATE, "광고", null, null, null, 100_000,
                tax, null));
        return saved(TaxInvoice.draft(content(taxType, PurposeType.CHARGE, 100_000, tax, modifyCode,
                modifyCode == null ? null : APPROVAL_NUMBER, null, lines), SUPPLIER, BUYER, WRITE_DATE, "operator",
                CLOCK.instant()), 47);
    }

    static TaxInvoice unsaved() {
        return TaxInvoice.draft(content(TaxType.TAXABLE, PurposeType.CHARGE, 100_000, 10_000, null, null, null,
                List.of(new TaxInvoiceDetail(1, null, "광고", null, null, null, 100_000, 10_000, null))),
                SUPPLIER, BUYER, WRITE_DATE, "operator", CLOCK.instant());
    }

    private static InvoiceContent content(TaxType taxType, PurposeType purpose, long supply, long tax,
                                          Integer modifyCode, String orgNtsConfirmNum, Long credit,
                                          List<TaxInvoiceDetail> lines) {
        return new InvoiceContent(7, 9, "INV-" + taxType.name(), null, WRITE_DATE, taxType, purpose,
                ChargeDirection.SUPPLIER_PAYS, supply, tax, supply + tax, null, null, null, credit, null, null, null,
                null, null, null, false, modifyCode, orgNtsConfirmNum, lines);
    }

    /** What Spring Data does on insert; the writer needs the id for the document id. */
    private static TaxInvoice saved(TaxInvoice invoice, long id) {
        ReflectionTestUtils.setField(invoice, "id", id);
        return invoice;
    }
}
