package io.billflow.invoice.application;

import java.time.Instant;
import java.util.List;

import io.billflow.invoice.api.InvoiceState;

/** The append-only history of an invoice: every state change and every draft edit (table tax_invoice_history). */
public interface InvoiceHistory {

    /** One event. {@code fromState} is null for the first one. */
    record Event(Instant occurredAt, String actor, Integer fromState, int toState, String toStateName, String memo) {
    }

    void record(long invoiceId, Instant at, String actor, InvoiceState from, InvoiceState to, String memo);

    /** One event each for many invoices moved together from their own states to {@code to} (a batch insert). */
    void recordAll(List<long[]> invoiceIdAndFromState, Instant at, String actor, InvoiceState to, String memo);

    /** The invoice's events, oldest first. */
    List<Event> of(long invoiceId);
}
