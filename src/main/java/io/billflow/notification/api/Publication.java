package io.billflow.notification.api;

import java.util.List;
import java.util.Map;

/**
 * One occurrence of an event to publish with {@link Notifications#publishAll}: what happened, its dedup
 * key, who is told, the template variables and the documents attached to the e-mails.
 */
public record Publication(NotificationEvent event, String dedupKey, List<Recipient> recipients,
                          Map<String, Object> variables, List<AttachmentRef> attachments) {

    public Publication {
        recipients = List.copyOf(recipients);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Publication(NotificationEvent event, String dedupKey, List<Recipient> recipients,
                       Map<String, Object> variables) {
        this(event, dedupKey, recipients, variables, List.of());
    }
}
