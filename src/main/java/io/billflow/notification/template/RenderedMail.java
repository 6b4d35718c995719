package io.billflow.notification.template;

/** One rendered e-mail: subject line, plain-text body and HTML body (same content, two forms). */
public record RenderedMail(String subject, String text, String html) {
}
