package io.billflow.invoice.application;

import java.util.List;

import io.billflow.invoice.domain.Party;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.notification.api.Recipient;

/** Who is told about an invoice: its supplier (the partner) and its buyer, from the invoice's own copy. */
public final class InvoiceRecipients {

    private InvoiceRecipients() {
    }

    public static Recipient supplier(TaxInvoice invoice) {
        Party supplier = invoice.invoicer();
        return supplier(invoice.partnerId(), supplier.corpName(), supplier.email(), supplier.hp());
    }

    public static Recipient buyer(TaxInvoice invoice) {
        Party buyer = invoice.invoicee();
        return buyer(invoice.buyerCompanyId(), buyer.corpName(), buyer.email(), buyer.hp());
    }

    /** The supplier from the invoice's columns, for batches that read a chunk of invoices in one query. */
    public static Recipient supplier(long partnerId, String corpName, String email, String hp) {
        return Recipient.partner(partnerId, corpName, email, List.of(), hp);
    }

    /** The buyer from the invoice's columns, for batches that read a chunk of invoices in one query. */
    public static Recipient buyer(long buyerCompanyId, String corpName, String email, String hp) {
        return new Recipient("buyer:" + buyerCompanyId, corpName, email, List.of(), hp);
    }
}
