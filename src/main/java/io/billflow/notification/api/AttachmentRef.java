package io.billflow.notification.api;

/**
 * A document to attach, by reference: {@code kind} names the {@link AttachmentSource} that renders it
 * (e.g. {@code invoice-pdf}), {@code id} what to render.
 */
public record AttachmentRef(String kind, String id) {

    @Override
    public String toString() {
        return kind + ":" + id;
    }

    public static AttachmentRef parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not an attachment reference: " + value);
        }
        return new AttachmentRef(value.substring(0, colon), value.substring(colon + 1));
    }
}
