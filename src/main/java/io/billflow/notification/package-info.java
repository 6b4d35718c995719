/**
 * Notifications: e-mail and AlimTalk messages from templates, sent through a transactional outbox with retries
 * and an operations task when a message cannot be delivered. Owns {@code notification_message} (the outbox),
 * {@code notification_preference} and {@code alimtalk_template}. Offers {@code api}: {@code Notifications} (publish
 * an event to its recipients), {@code PortalLinks} (implemented by the portal), the mail port and value types.
 * Uses the platform and workflow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package io.billflow.notification;
