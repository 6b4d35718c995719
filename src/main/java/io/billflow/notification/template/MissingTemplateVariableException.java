package io.billflow.notification.template;

import java.util.Collection;

import io.billflow.notification.api.NotificationEvent;

/**
 * A template was asked to render without a variable it needs. Thrown before rendering so that a
 * recipient never reads "null" where an amount or a deadline belongs.
 */
public class MissingTemplateVariableException extends IllegalArgumentException {

    private final NotificationEvent event;
    private final Collection<String> missing;

    public MissingTemplateVariableException(NotificationEvent event, Collection<String> missing) {
        super(event + " template needs variable(s) " + String.join(", ", missing) + " (missing or null)");
        this.event = event;
        this.missing = java.util.List.copyOf(missing);
    }

    public NotificationEvent event() {
        return event;
    }

    public Collection<String> missing() {
        return missing;
    }
}
