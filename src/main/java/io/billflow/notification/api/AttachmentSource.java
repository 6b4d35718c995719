package io.billflow.notification.api;

/** Renders one kind of attachment at delivery time; other modules implement it (e.g. invoice PDFs). */
public interface AttachmentSource {

    String kind();

    OutgoingMail.Attachment render(String id);
}
