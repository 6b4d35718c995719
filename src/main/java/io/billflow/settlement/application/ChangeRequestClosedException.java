package io.billflow.settlement.application;

import io.billflow.settlement.domain.PayoutAccountChangeRequest.Status;

/**
 * The change request can no longer be confirmed: expired, void (too many wrong codes) or superseded by a
 * newer request (410, start a new one), or confirmed already (409).
 */
public class ChangeRequestClosedException extends RuntimeException {

    private final transient Status status;

    public ChangeRequestClosedException(Status status) {
        super(switch (status) {
            case EXPIRED -> "The code has expired (valid 5 minutes); request a new code";
            case VOID -> "The request is void after 5 wrong codes; request a new code";
            case SUPERSEDED -> "A newer change request replaced this one; use the code of the newest request";
            case CONFIRMED -> "The request was confirmed already; the account is in force";
            case PENDING -> throw new IllegalArgumentException("a pending request is not closed");
        });
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
