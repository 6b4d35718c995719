package io.billflow.invoice.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Invoices another module's process asks for and follows — the settlement's reverse invoice made from a report.
 * The request does not start {@code reverseInvoiceProcess}: the caller's own process runs it as a call activity.
 */
public interface InvoiceRequests {

    /**
     * Registers the invoice and requests it of the supplier (state 200, the issue-request mail), in the caller's
     * transaction. Refuses, with the field named, what a draft through the API would be refused for.
     *
     * @return the new invoice's id
     */
    long draftAndRequest(InvoiceContent content, String actor, String reference);

    /** Where an invoice stands; empty when there is no such invoice. */
    Optional<InvoiceState> state(long invoiceId);

    /** The NTS approval numbers (승인번호) of those of the invoices that have one, by invoice id. */
    Map<Long, String> approvalNumbers(Collection<Long> invoiceIds);
}
