package io.billflow.platform.onetimecode;

/** No code was issued (and nothing was sent or counted); the caller says why in the words of its use. */
public class CodeIssueRefusedException extends RuntimeException {

    public enum Reason {
        /** The challenge's wrong tries are spent (per-challenge counting): a new code would buy new guesses. */
        LOCKED,
        /** The scope's codes of the last 24 hours are used up. */
        DAILY_LIMIT
    }

    private final Reason reason;

    public CodeIssueRefusedException(Reason reason) {
        super("no one-time code issued: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
