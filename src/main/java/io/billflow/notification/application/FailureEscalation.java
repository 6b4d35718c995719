package io.billflow.notification.application;

/**
 * A message that failed after every retry is handed to operations (an operations task in Tasklist),
 * never dropped silently. Implemented by the notification failure process.
 */
public interface FailureEscalation {

    void escalate(long messageId, String lastError);
}
