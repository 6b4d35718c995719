package io.billflow.invoice.api;

import java.time.LocalDate;

/** One line of a supplier's invoice list. */
public record SupplierInvoiceRow(long id, String invoiceeMgtKey, LocalDate writeDate, String invoiceeCorpName,
                                 long totalAmount, String ntsConfirmNum, String stateName) {
}
