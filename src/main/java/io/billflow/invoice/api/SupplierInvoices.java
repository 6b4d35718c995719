package io.billflow.invoice.api;

import java.util.List;

/**
 * What a supplier does with the invoices its buyer requested of it — the supplier portal's use cases. Every
 * call names the supplier's own partner id (the authenticated supplier, never a request parameter); an invoice
 * of another partner is "not found", so nobody learns that it exists.
 */
public interface SupplierInvoices {

    /** At most this many invoices in one list. */
    int LIST_LIMIT = 100;

    /** Requested of the supplier and waiting for its decision (state 2xx), newest write date first. */
    List<SupplierInvoiceRow> awaitingDecision(long partnerId);

    /** Issued, transmitted or cancelled after issue (state 3xx), newest write date first. */
    List<SupplierInvoiceRow> issued(long partnerId);

    /** One of the supplier's invoices; {@code ResourceNotFoundException} when it is not the supplier's. */
    SupplierInvoiceView invoice(long partnerId, long invoiceId);

    /**
     * Sign and issue with the supplier's registered certificate, opened with the password typed now.
     * Approving an issued invoice again does nothing (sign once).
     *
     * @param lateIssueConfirmed the supplier saw the 1% late-issue penalty warning (needed after the deadline)
     */
    void approve(long partnerId, long invoiceId, boolean lateIssueConfirmed, char[] certificatePassword,
                 String actor);

    /** Several requests approved with one password; each invoice says how it went, the others go on. */
    List<ApprovalOutcome> approveAll(long partnerId, List<Long> invoiceIds, boolean lateIssueConfirmed,
                                     char[] certificatePassword, String actor);

    /** Refuse the request with a reason the buyer reads. */
    void refuse(long partnerId, long invoiceId, String reason, char[] certificatePassword, String actor);

    /** Cancel an issued invoice while it has not been queued for NTS. */
    void cancelIssue(long partnerId, long invoiceId, String memo, char[] certificatePassword, String actor);
}
