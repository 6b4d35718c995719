package io.billflow.notification.api;

import java.util.List;
import java.util.Map;

/**
 * How other modules tell people what happened: publish the business event inside the transaction that
 * caused it. The notification module picks the channels (preferences, mandatory notices), renders the
 * Korean templates and queues one message per recipient and channel in the outbox; nothing is sent if
 * the transaction rolls back, and what is queued is delivered (with retries) once it commits.
 */
public interface Notifications {

    /**
     * @param dedupKey identifies this occurrence of the event (e.g. {@code invoice-issued:42}); publishing
     *                 it again queues nothing new
     * @param variables the template variables of the event (see README "Messages")
     */
    default void publish(NotificationEvent event, String dedupKey, List<Recipient> recipients,
                         Map<String, Object> variables) {
        publish(event, dedupKey, recipients, variables, List.of());
    }

    /** As above, with documents attached to the e-mails (rendered when each mail is sent). */
    void publish(NotificationEvent event, String dedupKey, List<Recipient> recipients, Map<String, Object> variables,
                 List<AttachmentRef> attachments);

    /**
     * Many occurrences at once, exactly as if each were published on its own (same channels, texts and
     * dedup keys), for batches: preferences are read and the outbox rows written a batch at a time.
     */
    void publishAll(List<Publication> publications);
}
