package io.billflow.notification.api;

/**
 * Records an e-mail to send once the current transaction commits. Must be called inside the
 * transaction of the business change that causes the mail: if that change rolls back, no mail goes
 * out; if it commits, the mail is delivered (with retries) even if the mail server is down now.
 */
public interface MailOutbox {

    /**
     * @param dedupKey identifies the message: enqueuing the same key twice records it once
     *                 (e.g. {@code partner-linked:42:2026-11-21T10:00:00Z})
     * @param eventType what happened, for listing and preferences (e.g. {@code PARTNER_NTS_LINKED})
     */
    void enqueue(String dedupKey, String eventType, OutgoingMail mail);
}
