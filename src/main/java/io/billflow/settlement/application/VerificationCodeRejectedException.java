package io.billflow.settlement.application;

/** A wrong one-time code: 400, with the tries left (0 when this one voided the request). */
public class VerificationCodeRejectedException extends RuntimeException {

    private final int remainingAttempts;

    public VerificationCodeRejectedException(int remainingAttempts) {
        super(remainingAttempts > 0
                ? "The code is wrong; " + remainingAttempts + (remainingAttempts == 1 ? " try" : " tries") + " left"
                : "The code is wrong for the last allowed time; the request is void. Request a new code.");
        this.remainingAttempts = remainingAttempts;
    }

    public int remainingAttempts() {
        return remainingAttempts;
    }
}
