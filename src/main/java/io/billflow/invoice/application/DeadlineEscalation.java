package io.billflow.invoice.application;

/** Opens the operations task for a request whose deadline is near (once per invoice). */
public interface DeadlineEscalation {

    /** Returns false when the invoice already has one. */
    boolean open(long invoiceId, TaskData taskData);

    /** What the operations task shows (already formatted for a person). */
    record TaskData(String invoiceeMgtKey, String supplierName, String supplierContact, String totalAmount,
                    String deadline) {
    }
}
