package io.billflow.notification.text;

import java.util.Optional;

/**
 * Sends one SMS, LMS or AlimTalk through a provider. Implementations answer a FAILED result for final
 * refusals (결번, not a KakaoTalk user, unregistered sender) and throw {@link TextProviderUnavailableException}
 * when the provider cannot be reached, so that the caller (the outbox) retries with the same idempotency key.
 * A provider that only accepts a message (ACCEPTED) reports its delivery later: {@link #deliveryReport}.
 */
public interface TextMessagingPort {

    TextSendResult send(TextMessage message);

    /**
     * The provider's latest word on a message it answered with {@code providerMessageId}: ACCEPTED while the
     * carrier (or Kakao) has not reported, DELIVERED or FAILED once it has; empty when the provider does not know
     * the id. Throws {@link TextProviderUnavailableException} when the provider cannot be reached (ask again later).
     */
    Optional<TextSendResult> deliveryReport(String providerMessageId);

    /** The provider could not be reached or answered with a server error: try again later. */
    class TextProviderUnavailableException extends RuntimeException {
        public TextProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
