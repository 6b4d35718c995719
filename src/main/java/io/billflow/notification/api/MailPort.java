package io.billflow.notification.api;

/**
 * Sends one e-mail now. Implementations throw {@link MailDeliveryException} when the mail server does
 * not take the message, so that the caller (the notification outbox) can retry; they never swallow it.
 */
public interface MailPort {

    void send(OutgoingMail mail);

    /**
     * Sends several mails over one connection (SMTP connection set-up costs far more than a message).
     * Returns, per index of {@code mails}, the failure of that mail; absent indexes were accepted.
     */
    java.util.Map<Integer, MailDeliveryException> sendAll(java.util.List<OutgoingMail> mails);

    /** The mail server refused or could not be reached. */
    class MailDeliveryException extends RuntimeException {
        public MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
