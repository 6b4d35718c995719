package io.billflow.notification.text;

/**
 * Sends one SMS, LMS or AlimTalk through a provider. Implementations answer a FAILED result for final
 * refusals (결번, not a KakaoTalk user, unregistered sender) and throw {@link TextProviderUnavailableException}
 * when the provider cannot be reached, so that the caller (the outbox) retries with the same idempotency key.
 */
public interface TextMessagingPort {

    TextSendResult send(TextMessage message);

    /** The provider could not be reached or answered with a server error: try again later. */
    class TextProviderUnavailableException extends RuntimeException {
        public TextProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
