package io.billflow.notification.api;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail ready to send: Korean text and HTML bodies, optional attachments.
 *
 * @param to       recipients (at least one)
 * @param subject  subject line
 * @param textBody plain-text body, always present (some Korean corporate mail systems strip HTML)
 * @param htmlBody HTML body, or {@code null} for text-only mail
 * @param attachments files to attach, e.g. the tax invoice PDF
 * @param messageId   a fixed RFC 5322 Message-ID (so a resent copy is recognisably the same message), or null
 */
public record OutgoingMail(List<String> to, String subject, String textBody, String htmlBody,
                           List<Attachment> attachments, String messageId) {

    public OutgoingMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        to = List.copyOf(to);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an e-mail needs at least one recipient");
        }
    }

    public static OutgoingMail of(String to, String subject, String textBody, String htmlBody) {
        return new OutgoingMail(List.of(to), subject, textBody, htmlBody, List.of(), null);
    }

    public static OutgoingMail withMessageId(List<String> to, String subject, String textBody, String htmlBody,
                                             String messageId) {
        return new OutgoingMail(to, subject, textBody, htmlBody, List.of(), messageId);
    }

    /** A file attached to a mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
