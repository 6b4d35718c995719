package io.billflow.notification.text;

import java.time.Instant;

/**
 * {@link TextMessageSender} would not send: nothing went to the provider, nothing is charged. Retrying the
 * same request will not help, except for {@link Reason#ADVERTISING_AT_NIGHT}, which may be sent at
 * {@link #notBefore()}.
 */
public class TextRefusedException extends RuntimeException {

    /** Why a text was refused. */
    public enum Reason {
        UNREGISTERED_SENDER,
        ADVERTISING_AT_NIGHT,
        ADVERTISING_WITHOUT_LABEL,
        ADVERTISING_ALIMTALK,
        TEMPLATE_NOT_APPROVED,
        MISSING_VARIABLE,
        INVALID_MESSAGE
    }

    private final Reason reason;
    private final transient Instant notBefore;

    public TextRefusedException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public TextRefusedException(Reason reason, String message, Instant notBefore, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.notBefore = notBefore;
    }

    public Reason reason() {
        return reason;
    }

    /** When the message may be sent (08:00 Asia/Seoul for night-time ads), or null if never. */
    public Instant notBefore() {
        return notBefore;
    }
}
