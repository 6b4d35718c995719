/**
 * Reverse-issued tax invoices: drafts (one by one or in bulk), the request to the supplier, the supplier's
 * approval, refusal or cancellation, amendments, the PDF and the NTS XML, and the nightly transmission. Owns
 * {@code tax_invoice}, {@code tax_invoice_detail}, {@code tax_invoice_document}, {@code tax_invoice_history},
 * {@code invoice_bulk_job} and {@code nts_transmission}. Offers {@code api}: {@code SupplierInvoices} (the portal's
 * use cases), {@code InvoiceRequests} (an invoice another module's process asks for), the content and state types.
 * Uses the platform, calendar, workflow, notification, partner, certificate and nts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Invoice")
package io.billflow.invoice;
