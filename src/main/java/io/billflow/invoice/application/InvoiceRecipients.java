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
        return Recipient.partner(invoice.partnerId(), supplier.corpName(), supplier.email(), List.of(), supplier.hp());
    }

    public static Recipient buyer(TaxInvoice invoice) {
        Party buyer = invoice.invoicee();
        return new Recipient("buyer:" + invoice.buyerCompanyId(), buyer.corpName(), buyer.email(), List.of(), buyer.hp());
    }
}
