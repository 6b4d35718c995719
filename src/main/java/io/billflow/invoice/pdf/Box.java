package io.billflow.invoice.pdf;

/**
 * A rectangle on the page measured from the top-left corner, in points: the form is laid out top
 * down like a table, and only {@link FormCanvas} converts to PDF's bottom-up coordinates.
 */
record Box(float x, float y, float width, float height) {

    float right() {
        return x + width;
    }

    float bottom() {
        return y + height;
    }

    /** The part of this box starting {@code dx} from its left edge, {@code w} wide. */
    Box column(float dx, float w) {
        return new Box(x + dx, y, w, height);
    }

    /** The part of this box starting {@code dy} from its top, {@code h} high. */
    Box row(float dy, float h) {
        return new Box(x, y + dy, width, h);
    }

    /** Columns of the given widths side by side from the left edge, all as high as this box. */
    Box[] columns(float... widths) {
        Box[] boxes = new Box[widths.length];
        float dx = 0;
        for (int i = 0; i < widths.length; i++) {
            boxes[i] = column(dx, widths[i]);
            dx += widths[i];
        }
        return boxes;
    }
}
