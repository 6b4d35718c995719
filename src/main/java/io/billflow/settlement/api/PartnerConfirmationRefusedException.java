package io.billflow.settlement.api;

/**
 * The partner's confirmation (or its code request) was refused; the message is for the partner, in Korean.
 * {@code remainingAttempts} is the tries left on the current code (0 when it is void or expired, -1 when no
 * code was checked).
 */
public class PartnerConfirmationRefusedException extends RuntimeException {

    public enum Reason {
        /** "회사 정보와 담당자 정보를 확인했습니다" was not ticked. */
        DATA_NOT_CHECKED,
        /** Missing, in the future or before the settlement month. */
        WRITE_DATE,
        /** Not six digits: a typo, not counted as a try. */
        CODE_FORMAT,
        /** No code was requested yet. */
        NO_CODE,
        WRONG_CODE,
        /** The fifth wrong code voided it (or it was void before). */
        CODE_VOID,
        CODE_EXPIRED,
        /** Too many codes for this report today. */
        TOO_MANY_CODES,
        /** The settlement deadline has passed: operations extend it (or cancel the settlement). */
        DEADLINE_PASSED,
        /** Confirmed already, or no longer waiting for the partner. */
        NOT_CONFIRMABLE
    }

    private final Reason reason;
    private final int remainingAttempts;

    public PartnerConfirmationRefusedException(Reason reason, String message) {
        this(reason, message, -1);
    }

    public PartnerConfirmationRefusedException(Reason reason, String message, int remainingAttempts) {
        super(message);
        this.reason = reason;
        this.remainingAttempts = remainingAttempts;
    }

    public Reason reason() {
        return reason;
    }

    public int remainingAttempts() {
        return remainingAttempts;
    }
}
