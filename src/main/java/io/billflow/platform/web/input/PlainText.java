package io.billflow.platform.web.input;

import java.util.Optional;

/**
 * What a person can type into a text field: the one policy every piece of client text meets
 * (ADR 0004). Refused are the characters nobody types but attackers and broken clients send —
 * C0/C1 controls (U+0000, the ESC of ANSI colour codes, …; tab and line breaks only in multi-line
 * fields), text-direction overrides and isolates (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM), other
 * invisible format characters (U+200B, U+FEFF, U+2060, …; ZWNJ/ZWJ stay, emoji need them),
 * line/paragraph separators, noncharacters and unpaired surrogates — and anything longer than the
 * field's limit.
 */
public final class PlainText {

    /** The limit of a one-line field whose declaration names none ({@code @Size(max)} overrides). */
    public static final int DEFAULT_MAX = 1_000;
    /** The limit of a {@link MultiLine} field whose declaration names none. */
    public static final int DEFAULT_MULTI_LINE_MAX = 4_000;

    private PlainText() {
    }

    /** Why {@code value} is refused, or empty when it is plain text within {@code max} characters. */
    public static Optional<String> problem(String value, boolean multiLine, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String refused = refusal(c, multiLine);
            if (refused != null) {
                return Optional.of("must not contain " + refused + " (U+" + String.format("%04X", c) + ")");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static String refusal(int c, boolean multiLine) {
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
            return "a broken character (unpaired surrogate)";
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            return multiLine ? null : "tabs or line breaks in a one-line field";
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "control characters";
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C) {
            return "text-direction controls";
        }
        if (c == 0x2028 || c == 0x2029) {
            return "line or paragraph separators";
        }
        if (Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D) {
            return "invisible format characters";
        }
        if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
            return "noncharacters";
        }
        return null;
    }
}
