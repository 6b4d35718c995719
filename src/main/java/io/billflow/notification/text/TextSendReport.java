package io.billflow.notification.text;

/**
 * The outcome of one {@link TextRequest}: the first message and, when an AlimTalk failed, its 대체문자.
 *
 * @param primary  the SMS, LMS or AlimTalk sent first
 * @param fallback the SMS/LMS sent because the AlimTalk failed, or null
 */
public record TextSendReport(Delivery primary, Delivery fallback) {

    /** One message and what the provider answered; {@code message} is null when it could not be built (never sent). */
    public record Delivery(TextMessage message, TextSendResult result) {
    }

    /** The result that counts for the recipient: the fallback's if there was one. */
    public TextSendResult finalResult() {
        return fallback != null ? fallback.result() : primary.result();
    }

    public boolean fellBack() {
        return fallback != null;
    }
}
