package io.billflow.notification.api;

import java.util.Objects;

/**
 * A template variable that must reach its recipient but never rest in clear — a portal link, whose token
 * opens the partner's portal. The outbox renders and stores the message with {@code placeholder} in its place
 * and keeps {@code value} sealed (envelope-encrypted under the KEK) beside it; the workers put the value back
 * only in what they hand to the mail server or the text provider, and erase the sealed copy once the message
 * is delivered. Operations, the notifications API and a database dump see the placeholder only.
 *
 * @param value       what the recipient gets
 * @param placeholder what is stored and shown instead; unique within a message, URL- and HTML-safe
 */
public record SecretValue(String value, String placeholder) {

    public SecretValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(placeholder, "placeholder");
        if (!placeholder.matches("[A-Za-z0-9:/._~%-]{8,300}") || value.equals(placeholder)) {
            throw new IllegalArgumentException("a placeholder is 8–300 URL-safe characters and differs from the value");
        }
    }

    /** The placeholder, so that a secret written to a log or a template by mistake shows nothing. */
    @Override
    public String toString() {
        return placeholder;
    }
}
