package io.billflow.invoice.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a text fit a cell of the form: first a slightly smaller font on one line, then more lines
 * (at the largest size that lets them fit), and only when the smallest font's lines still overflow
 * the cell, the last line is cut with "…". A printed invoice
 * must never let one field run over its neighbour.
 */
final class TextFit {

    static final float LINE_SPACING = 1.15f;
    static final String ELLIPSIS = "…";
    private static final float SIZE_STEP = 0.5f;
    private static final float SHRINK_BEFORE_WRAP = 0.8f;

    /** The width of a text at a font size, in points. */
    @FunctionalInterface
    interface Measure {
        float width(String text, float size);
    }

    /** The lines to print and the font size they fit at. */
    record Fitted(List<String> lines, float size) {
    }

    private TextFit() {
    }

    /**
     * @param text    explicit line breaks ({@code \n}) are kept
     * @param width   usable width of the cell
     * @param height  usable height of the cell: how many lines fit depends on the size
     * @param size    the size the form prefers
     * @param minSize the smallest size still readable when printed
     * @param maxLines 1 for texts that must not break, such as amounts
     */
    static Fitted fit(String text, float width, float height, float size, float minSize, int maxLines,
                      Measure measure) {
        if (text == null || text.isEmpty()) {
            return new Fitted(List.of(), size);
        }
        // a name or an amount reads best on one line, a little smaller rather than broken in two
        for (float s = size; s >= Math.max(minSize, size * SHRINK_BEFORE_WRAP); s -= SIZE_STEP) {
            List<String> lines = wrap(text, width, s, measure);
            if (lines.size() == 1) {
                return new Fitted(lines, s);
            }
        }
        for (float s = size; s >= minSize; s -= SIZE_STEP) {
            List<String> lines = wrap(text, width, s, measure);
            if (lines.size() <= Math.min(maxLines, maxLines(height, s))) {
                return new Fitted(lines, s);
            }
        }
        List<String> lines = wrap(text, width, minSize, measure);
        int keep = Math.min(maxLines, maxLines(height, minSize));
        if (lines.size() <= keep) {
            return new Fitted(lines, minSize);
        }
        List<String> kept = new ArrayList<>(lines.subList(0, keep));
        kept.set(keep - 1, cutWithEllipsis(lines.get(keep - 1), width, minSize, measure));
        return new Fitted(kept, minSize);
    }

    /** At least one line: a cell too low for even one line still shows the start of its text. */
    static int maxLines(float height, float size) {
        return Math.max(1, (int) Math.floor(height / (size * LINE_SPACING)));
    }

    /** Greedy wrapping that prefers spaces and breaks inside a word (Korean often has none) when it must. */
    static List<String> wrap(String text, float width, float size, Measure measure) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph.strip(), width, size, measure, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, float width, float size, Measure measure, List<String> out) {
        String rest = paragraph;
        while (measure.width(rest, size) > width) {
            int fits = longestFittingPrefix(rest, width, size, measure);
            int space = rest.lastIndexOf(' ', fits);
            int cut = space > 0 ? space : Math.max(fits, Character.charCount(rest.codePointAt(0)));
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
    }

    /** The number of chars (never splitting a surrogate pair) whose width fits. */
    private static int longestFittingPrefix(String text, float width, float size, Measure measure) {
        int end = 0;
        while (end < text.length()) {
            int next = end + Character.charCount(text.codePointAt(end));
            if (measure.width(text.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** The longest start of the text that, followed by "…", fits the width: more text was left out. */
    static String cutWithEllipsis(String text, float width, float size, Measure measure) {
        int end = longestFittingPrefix(text, width - measure.width(ELLIPSIS, size), size, measure);
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
