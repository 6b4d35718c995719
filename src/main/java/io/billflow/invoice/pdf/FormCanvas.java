package io.billflow.invoice.pdf;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Drawing on one page of the form in top-down coordinates: ruled cells, label cells and values that
 * are fitted into their cells ({@link TextFit}), never drawn across a line.
 */
final class FormCanvas implements Closeable {

    enum Align { LEFT, CENTER, RIGHT }

    /** How a text is set: preferred and smallest size, colour, simulated bold, and how many lines at most. */
    record Type(float size, float minSize, Color color, boolean bold, int maxLines) {
        static final Type LABEL = new Type(FormStyle.LABEL_SIZE, FormStyle.MIN_SIZE, FormStyle.INK, false, 2);
        static final Type VALUE = new Type(FormStyle.VALUE_SIZE, FormStyle.MIN_SIZE, FormStyle.VALUE, false, 3);
        /** Numbers shrink but never break: "1,234,567.2" above "5" would be misread. */
        static final Type NUMBER = new Type(FormStyle.VALUE_SIZE, FormStyle.MIN_SIZE, FormStyle.VALUE, false, 1);

        Type(float size, float minSize, Color color, boolean bold) {
            this(size, minSize, color, bold, 1);
        }
    }

    private final PDPageContentStream content;
    private final FormFont font;
    private final float pageHeight;

    FormCanvas(PDDocument document, PDPage page, FormFont font) throws IOException {
        this.content = new PDPageContentStream(document, page);
        this.font = font;
        this.pageHeight = page.getMediaBox().getHeight();
    }

    /** A label cell: tinted background, ruled border, the label centred in the form's ink. */
    void label(Box box, String label) throws IOException {
        fill(box, FormStyle.LABEL_FILL);
        cell(box);
        text(label, box, Align.CENTER, Type.LABEL);
    }

    /** A value cell: ruled border and the value, fitted, wrapped when long. */
    void value(Box box, String value, Align align) throws IOException {
        cell(box);
        text(value, box, align, Type.VALUE);
    }

    /** A number cell: ruled border, the number right-aligned on one line. */
    void number(Box box, String number) throws IOException {
        cell(box);
        text(number, box, Align.RIGHT, Type.NUMBER);
    }

    /** A ruled cell border. */
    void cell(Box box) throws IOException {
        stroke(box, FormStyle.GRID_LINE);
    }

    /** The heavier outer frame of a block. */
    void frame(Box box) throws IOException {
        stroke(box, FormStyle.FRAME_LINE);
    }

    void fill(Box box, Color color) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(box.x(), pageHeight - box.bottom(), box.width(), box.height());
        content.fill();
    }

    /** Characters stacked top to bottom, as the party labels 공급자 / 공급받는자 stand on the form. */
    void verticalLabel(Box box, String label) throws IOException {
        fill(box, FormStyle.LABEL_FILL);
        cell(box);
        int count = label.codePointCount(0, label.length());
        float size = Math.min(FormStyle.VALUE_SIZE + 1, box.width() - 2 * FormStyle.PADDING);
        float step = Math.min(size * 1.6f, box.height() / (count + 1));
        float top = box.y() + (box.height() - step * count) / 2;
        int[] codePoints = label.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            Box slot = new Box(box.x(), top + i * step, box.width(), step);
            text(new String(Character.toChars(codePoints[i])), slot, Align.CENTER,
                    new Type(size, size, FormStyle.INK, true));
        }
    }

    /** Fits the text into the box less its padding and draws it, vertically centred. */
    void text(String raw, Box box, Align align, Type type) throws IOException {
        String text = font.printable(raw);
        float innerWidth = box.width() - 2 * FormStyle.PADDING;
        float innerHeight = box.height() - 2;
        TextFit.Fitted fitted = TextFit.fit(text, innerWidth, innerHeight, type.size(), type.minSize(),
                type.maxLines(), font::width);
        List<String> lines = fitted.lines();
        if (lines.isEmpty()) {
            return;
        }
        float size = fitted.size();
        float lineHeight = size * TextFit.LINE_SPACING;
        float top = box.y() + (box.height() - lineHeight * lines.size()) / 2;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            float width = font.width(line, size);
            float x = switch (align) {
                case LEFT -> box.x() + FormStyle.PADDING;
                case CENTER -> box.x() + (box.width() - width) / 2;
                case RIGHT -> box.right() - FormStyle.PADDING - width;
            };
            // centre the Hangul body (about 0.72 of the size above the baseline) in its line
            float baseline = top + i * lineHeight + (lineHeight + size * 0.72f) / 2;
            show(line, x, baseline, size, type);
        }
    }

    private void show(String line, float x, float baseline, float size, Type type) throws IOException {
        content.beginText();
        content.setFont(font.pdFont(), size);
        content.setNonStrokingColor(type.color());
        if (type.bold()) {
            // one embedded font keeps the PDF small; a thin outline of the glyphs reads as bold
            content.setStrokingColor(type.color());
            content.setLineWidth(size * 0.035f);
            content.setRenderingMode(RenderingMode.FILL_STROKE);
        } else {
            content.setRenderingMode(RenderingMode.FILL);
        }
        content.newLineAtOffset(x, pageHeight - baseline);
        content.showText(line);
        content.endText();
    }

    private void stroke(Box box, float lineWidth) throws IOException {
        content.setStrokingColor(FormStyle.INK);
        content.setLineWidth(lineWidth);
        content.addRect(box.x(), pageHeight - box.bottom(), box.width(), box.height());
        content.stroke();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
