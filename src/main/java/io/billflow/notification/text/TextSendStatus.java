package io.billflow.notification.text;

/**
 * ACCEPTED: the provider took the message, the delivery report is still pending (SMS up to ~24 h, LMS up to
 * ~72 h); DELIVERED: the carrier or Kakao reported delivery; FAILED: final, not retried by the provider.
 */
public enum TextSendStatus {
    ACCEPTED,
    DELIVERED,
    FAILED
}
