package io.billflow.settlement.bank;

import java.time.Instant;

/**
 * Transient: the bank could not answer now (maintenance window, 5xx, timeout). Callers retry later with the
 * SAME idempotency key. When {@link #outcomeUnknown()} is true the request may have been executed (the
 * answer was lost): ask {@link BankPort#status(String)} before anything else, never send a new key.
 */
public class BankUnavailableException extends RuntimeException {

    public enum Reason {
        /** The bank's nightly 점검 window; nothing was received. */
        MAINTENANCE,
        /** 5xx / connection refused; nothing was received. */
        SERVICE_ERROR,
        /** The request went out, no answer came back: it may or may not have been executed. */
        TIMEOUT
    }

    private final Reason reason;
    private final Instant retryNotBefore;

    public BankUnavailableException(Reason reason, String message, Instant retryNotBefore) {
        super(message);
        this.reason = reason;
        this.retryNotBefore = retryNotBefore;
    }

    public Reason reason() {
        return reason;
    }

    /** True when the request may have been executed; resolve with {@link BankPort#status(String)}. */
    public boolean outcomeUnknown() {
        return reason == Reason.TIMEOUT;
    }

    /** When a retry can succeed at the earliest (end of maintenance), or {@code null} when unknown. */
    public Instant retryNotBefore() {
        return retryNotBefore;
    }
}
