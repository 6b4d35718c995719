package io.billflow.settlement.application;

/** The bank refused a payout for good (or the account holder does not match): operations decide. */
public class PayoutRefusedException extends RuntimeException {

    private final String code;

    public PayoutRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
