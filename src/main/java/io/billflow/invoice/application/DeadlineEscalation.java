package io.billflow.invoice.application;

import java.util.Map;

/** Opens the operations task for a request whose deadline is near (once per invoice). */
public interface DeadlineEscalation {

    /** Returns false when the invoice already has one. */
    boolean open(long invoiceId, Map<String, Object> taskData);
}
