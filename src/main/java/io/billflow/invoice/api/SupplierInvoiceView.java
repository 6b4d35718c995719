package io.billflow.invoice.api;

import java.time.LocalDate;
import java.util.List;

/** One invoice as its supplier sees it before deciding: the parties, the amounts, the items, where it stands. */
public record SupplierInvoiceView(long id, InvoiceState state, String invoiceeMgtKey, LocalDate writeDate,
                                  PartyName invoicer, PartyName invoicee, long supplyCostTotal, long taxTotal,
                                  long totalAmount, String ntsConfirmNum, LocalDate issuanceDeadline,
                                  List<TaxInvoiceDetail> detailList) {

    public SupplierInvoiceView {
        detailList = List.copyOf(detailList);
    }

    /** A party as printed on the invoice. */
    public record PartyName(String corpNum, String corpName) {
    }

    /** Waiting for the supplier's approval or refusal. */
    public boolean requested() {
        return state == InvoiceState.REQUESTED;
    }

    /** Issued and not yet queued for NTS: the supplier may still cancel the issue. */
    public boolean cancellable() {
        return state == InvoiceState.ISSUED || state == InvoiceState.BEFORE_TRANSMISSION;
    }
}
