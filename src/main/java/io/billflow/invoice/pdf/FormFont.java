package io.billflow.invoice.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * NanumGothic (SIL OFL 1.1, shipped in {@code resources/fonts}) embedded as a subset: only the glyphs
 * an invoice uses travel in the PDF, so a page stays tens of kilobytes instead of 4.7 MB.
 * Text the font has no glyph for (emoji, rare symbols) is printed as "?" instead of failing the
 * whole document.
 */
final class FormFont {

    static final String RESOURCE = "/fonts/NanumGothic.ttf";
    private static final byte[] TRUE_TYPE = readFont();

    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    private FormFont(PDType0Font font) {
        this.font = font;
    }

    /** A font belongs to one document: subset embedding collects the glyphs that document uses. */
    static FormFont embedIn(PDDocument document) throws IOException {
        return new FormFont(PDType0Font.load(document, new ByteArrayInputStream(TRUE_TYPE), true));
    }

    PDType0Font pdFont() {
        return font;
    }

    /** Control characters become spaces, characters without a glyph "?". */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (hasGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Width of text already made {@link #printable}, in points. */
    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasGlyph(int codePoint) {
        return printable.computeIfAbsent(codePoint, cp -> {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException noGlyph) {
                return false;
            }
        });
    }

    private static byte[] readFont() {
        try (InputStream in = FormFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
