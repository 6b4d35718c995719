/**
 * What other modules may use of the invoice module: the content of a draft (InvoiceContent, its items and codes),
 * the invoice states, the supplier's use cases (SupplierInvoices, for the portal) and the invoices another
 * module's process requests and follows (InvoiceRequests, for the settlement).
 */
@org.springframework.modulith.NamedInterface("api")
package io.billflow.invoice.api;
