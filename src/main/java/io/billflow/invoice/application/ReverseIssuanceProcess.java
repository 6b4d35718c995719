package io.billflow.invoice.application;

import java.util.List;

/**
 * The orchestration of one requested invoice (BPMN {@code reverseInvoiceProcess}, business key = invoice
 * id). The invoice module tells it what happened; it decides what waits and what follows. Implemented
 * in {@code invoice.process} so that no engine type reaches the invoice's use cases.
 */
public interface ReverseIssuanceProcess {

    void requested(long invoiceId);

    void approved(long invoiceId);

    void refused(long invoiceId);

    void requestCancelled(long invoiceId);

    void issueCancelled(long invoiceId);

    /** NTS accepted these invoices (a chunk of the nightly batch): each one's instance leaves the cancel window. */
    void transmitted(List<Long> invoiceIds);

    void transmissionFailed(long invoiceId);

    /** The current activity of the invoice's process (for the API), or null when none runs. */
    String currentActivity(long invoiceId);
}
