package io.billflow.notification.text;

import java.util.Objects;

/**
 * What the provider answered for one message.
 *
 * @param status            ACCEPTED, DELIVERED or FAILED
 * @param providerMessageId the provider's id, for support requests and delivery reports (null if never sent)
 * @param failureCode       a short code when FAILED (e.g. {@code NO_SUBSCRIBER}), else null
 * @param failureReason     a readable reason when FAILED, else null
 * @param charged           whether the message is billed: failed messages, including result timeouts, are not
 */
public record TextSendResult(TextSendStatus status, String providerMessageId, String failureCode,
                             String failureReason, boolean charged) {

    public TextSendResult {
        Objects.requireNonNull(status, "status");
        if (status == TextSendStatus.FAILED && failureCode == null) {
            throw new IllegalArgumentException("a FAILED result needs a failure code");
        }
    }

    public static TextSendResult delivered(String providerMessageId) {
        return new TextSendResult(TextSendStatus.DELIVERED, providerMessageId, null, null, true);
    }

    public static TextSendResult accepted(String providerMessageId) {
        return new TextSendResult(TextSendStatus.ACCEPTED, providerMessageId, null, null, false);
    }

    public static TextSendResult failed(String providerMessageId, String failureCode, String failureReason) {
        return new TextSendResult(TextSendStatus.FAILED, providerMessageId, failureCode, failureReason, false);
    }

    public boolean failed() {
        return status == TextSendStatus.FAILED;
    }
}
