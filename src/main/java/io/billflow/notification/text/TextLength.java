package io.billflow.notification.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Counts the length of a Korean text message the way carriers and SMS providers do: in EUC-KR bytes
 * (ASCII 1 byte, Hangul and the other KS X 1001 characters 2 bytes).
 *
 * <p>We encode with CP949 (MS949), the superset of EUC-KR that Korean providers actually accept: it adds
 * the 8,822 modern Hangul syllables EUC-KR lacks (e.g. 똠, 쌰), still 2 bytes each, so a company name
 * such as "(주)똠방각하" is countable instead of refused.
 *
 * <p>Characters CP949 cannot encode (emoji, most symbols outside KS X 1001) are <em>refused</em> with
 * {@link UnsupportedCharacterException}: providers handle them inconsistently (some count 4 bytes, some
 * turn the message into MMS, some replace them with "?"), so the only predictable answer is to say so
 * before sending.
 */
public final class TextLength {

    private static final Charset CP949 = Charset.forName("x-windows-949");

    private TextLength() {
    }

    /** The length in EUC-KR/CP949 bytes; throws {@link UnsupportedCharacterException} for emoji and the like. */
    public static int eucKrBytes(String text) {
        CharsetEncoder encoder = CP949.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            bytes += codePoint < 0x80 ? 1 : encodedLength(encoder, text, i, width, codePoint);
            i += width;
        }
        return bytes;
    }

    private static int encodedLength(CharsetEncoder encoder, String text, int start, int width, int codePoint) {
        try {
            ByteBuffer encoded = encoder.reset().encode(CharBuffer.wrap(text, start, start + width));
            return encoded.remaining();
        } catch (CharacterCodingException e) {
            throw new UnsupportedCharacterException(codePoint, start);
        }
    }

    /** A character that SMS/LMS cannot carry predictably; the message names it so staff can fix the text. */
    public static class UnsupportedCharacterException extends IllegalArgumentException {

        private final int codePoint;

        UnsupportedCharacterException(int codePoint, int index) {
            super(String.format("the character '%s' (U+%04X) at position %d cannot be sent by SMS/LMS: it is not in "
                    + "EUC-KR/CP949 (emoji and most symbols outside KS X 1001 are not); remove or replace it",
                    new String(Character.toChars(codePoint)), codePoint, index));
            this.codePoint = codePoint;
        }

        public int codePoint() {
            return codePoint;
        }
    }
}
