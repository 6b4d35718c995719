package io.billflow.invoice.xml;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What an NTS standard {@code TaxInvoice} document says, field by field: codes as the standard's text
 * codes, amounts in won. The writer renders it, the reader yields it, so a round trip can be compared
 * with {@code equals}. Absent values are {@code null} (the XML leaves their elements out).
 */
public record TaxInvoiceXml(Exchange exchange, Header header, TradeParty invoicer, TradeParty invoicee,
                            List<Payment> payments, Summation summation, List<Line> lines) {

    public TaxInvoiceXml {
        payments = List.copyOf(payments);
        lines = List.copyOf(lines);
    }

    /** {@code ExchangedDocument}: the envelope. The supplier's signature does not cover it. */
    public record Exchange(String documentId, LocalDateTime issuedAt, String referencedDocumentId) {
    }

    /** {@code TaxInvoiceDocument}: descriptions are the remark lines (비고), at most three. */
    public record Header(String issueId, String typeCode, List<String> descriptions, LocalDate writeDate,
                         String amendmentStatusCode, String purposeCode, String originalIssueId) {

        public Header {
            descriptions = List.copyOf(descriptions);
        }
    }

    /**
     * {@code InvoicerParty} or {@code InvoiceeParty}. {@code businessTypeCode} (01 business number) exists
     * on the invoicee only.
     */
    public record TradeParty(String id, String bizType, String name, String bizClass, String taxRegistrationId,
                             String businessTypeCode, String ceoName, Contact contact, String address) {
    }

    /** {@code DefinedContact} (invoicer) or {@code PrimaryDefinedContact} (invoicee). */
    public record Contact(String personName, String telephone, String email) {
    }

    /** {@code SpecifiedPaymentMeans}: type 10 cash, 20 check, 30 note, 40 credit. */
    public record Payment(String typeCode, long paidAmount) {
    }

    /** {@code SpecifiedMonetarySummation}: supply value, tax, total. */
    public record Summation(long chargeTotal, long taxTotal, long grandTotal) {
    }

    /** {@code TaxInvoiceTradeLineItem}. */
    public record Line(int sequence, LocalDate purchaseDate, String name, String spec, BigDecimal quantity,
                       Long unitAmount, long invoiceAmount, long tax, String description) {

        public Line {
            quantity = canonical(quantity);
        }

        /** 1000, 1000.0 and 1E+3 are one quantity; keep one spelling so that equals means "same value". */
        static BigDecimal canonical(BigDecimal quantity) {
            if (quantity == null) {
                return null;
            }
            BigDecimal stripped = quantity.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
