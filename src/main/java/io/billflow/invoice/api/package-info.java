/**
 * What other modules may use of the invoice module: the content of a draft (InvoiceContent, its items and codes)
 * and the invoice states. The use cases other modules call still sit in application (issue #14, in progress).
 */
@org.springframework.modulith.NamedInterface("api")
package io.billflow.invoice.api;
