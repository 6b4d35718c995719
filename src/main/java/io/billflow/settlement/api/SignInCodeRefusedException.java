package io.billflow.settlement.api;

/** A sign-in code was not sent or not accepted; the message is for the person signing in, in Korean. */
public class SignInCodeRefusedException extends RuntimeException {

    public enum Reason {
        /** Not six digits: a typo, not counted as a try. */
        CODE_FORMAT,
        /** No open code: none was requested, or the newest was superseded or used. */
        NO_CODE,
        WRONG_CODE,
        CODE_EXPIRED,
        /** The challenge used up its wrong codes: it is locked for good (a new link is needed). */
        LOCKED,
        /** The group's mobile got as many codes in 24 hours as it may. */
        TOO_MANY_CODES
    }

    private final Reason reason;

    public SignInCodeRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
