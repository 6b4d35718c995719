package io.billflow.invoice.xml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;

/** Decides what of a {@link TaxInvoice} goes into which element of the standard; no XML here. */
final class TaxInvoiceXmlMapper {

    /** The standard's date-times carry no offset and mean Korean time, whatever the host or clock zone. */
    static final ZoneId NTS_ZONE = ZoneId.of("Asia/Seoul");

    private TaxInvoiceXmlMapper() {
    }

    static TaxInvoiceXml map(TaxInvoice invoice, Instant generatedAt) {
        if (invoice.id() == null) {
            throw new IllegalArgumentException("only a saved invoice has a document id; save it first");
        }
        TaxInvoiceXml.Exchange exchange = new TaxInvoiceXml.Exchange(documentId(invoice.id()),
                LocalDateTime.ofInstant(generatedAt, NTS_ZONE).withNano(0), invoice.invoiceeMgtKey());
        boolean amendment = invoice.modifyCode() != null;
        TaxInvoiceXml.Header header = new TaxInvoiceXml.Header(present(invoice.ntsConfirmNum()),
                NtsCodes.typeCode(invoice.taxType(), amendment),
                Stream.of(invoice.remark1(), invoice.remark2(), invoice.remark3())
                        .map(TaxInvoiceXmlMapper::present).filter(Objects::nonNull).toList(),
                invoice.writeDate(), NtsCodes.amendmentStatusCode(invoice.modifyCode()),
                invoice.purposeType() == null ? null : invoice.purposeType().ntsCode(),
                present(invoice.orgNtsConfirmNum()));
        return new TaxInvoiceXml(exchange, header, party(invoice.invoicer(), null),
                party(invoice.invoicee(), NtsCodes.INVOICEE_BY_BUSINESS_NUMBER), payments(invoice),
                new TaxInvoiceXml.Summation(invoice.supplyCostTotal(), invoice.taxTotal(), invoice.totalAmount()),
                invoice.detailList().stream().map(TaxInvoiceXmlMapper::line).toList());
    }

    /** Stable per invoice, so a re-generated document (e.g. after signing) keeps its id. */
    static String documentId(long invoiceId) {
        return "BILLFLOW-" + String.format("%012d", invoiceId);
    }

    private static TaxInvoiceXml.TradeParty party(Party p, String businessTypeCode) {
        // The standard has one telephone per contact; Popbill's TEL is the office line, HP the mobile.
        String telephone = present(p.tel()) != null ? present(p.tel()) : present(p.hp());
        TaxInvoiceXml.Contact contact = new TaxInvoiceXml.Contact(present(p.contactName()), telephone,
                present(p.email()));
        boolean noContact = contact.personName() == null && contact.telephone() == null && contact.email() == null;
        return new TaxInvoiceXml.TradeParty(present(p.corpNum()), present(p.bizType()), present(p.corpName()),
                present(p.bizClass()), present(p.taxRegId()), businessTypeCode, present(p.ceoName()),
                noContact ? null : contact, present(p.addr()));
    }

    private static List<TaxInvoiceXml.Payment> payments(TaxInvoice invoice) {
        List<TaxInvoiceXml.Payment> payments = new ArrayList<>();
        addPayment(payments, NtsCodes.PAYMENT_CASH, invoice.cash());
        addPayment(payments, NtsCodes.PAYMENT_CHECK, invoice.chkBill());
        addPayment(payments, NtsCodes.PAYMENT_NOTE, invoice.note());
        addPayment(payments, NtsCodes.PAYMENT_CREDIT, invoice.credit());
        return payments;
    }

    private static void addPayment(List<TaxInvoiceXml.Payment> payments, String typeCode, Long amount) {
        if (amount != null) {
            payments.add(new TaxInvoiceXml.Payment(typeCode, amount));
        }
    }

    private static TaxInvoiceXml.Line line(TaxInvoiceDetail d) {
        return new TaxInvoiceXml.Line(d.serialNum(), d.purchaseDT(), present(d.itemName()), present(d.spec()),
                d.qty(), d.unitCost(), d.supplyCost(), d.tax(), present(d.remark()));
    }

    /** Blank is absent: the standard has no use for empty elements. */
    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
