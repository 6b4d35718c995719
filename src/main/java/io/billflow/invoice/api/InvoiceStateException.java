package io.billflow.invoice.api;

/** The requested change is not allowed in the invoice's current state (answered with 409). */
public class InvoiceStateException extends RuntimeException {
    public InvoiceStateException(String message) {
        super(message);
    }
}
