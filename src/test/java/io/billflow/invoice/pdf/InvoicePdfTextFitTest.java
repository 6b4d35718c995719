package io.billflow.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fitting with a monospaced stand-in font: every character is as wide as the font size. */
class InvoicePdfTextFitTest {

    private static final TextFit.Measure MONO = (text, size) -> text.codePointCount(0, text.length()) * size;

    @Test
    void aTextThatFitsKeepsThePreferredSize() {
        TextFit.Fitted fitted = TextFit.fit("12345", 50, 12, 10, 6, 9, MONO);

        assertThat(fitted.lines()).containsExactly("12345");
        assertThat(fitted.size()).isEqualTo(10);
    }

    @Test
    void aLittleTooLongShrinksBeforeItWraps() {
        TextFit.Fitted fitted = TextFit.fit("123456", 50, 12, 10, 6, 9, MONO);

        assertThat(fitted.lines()).containsExactly("123456");
        assertThat(fitted.size()).isLessThanOrEqualTo(50f / 6);
    }

    @Test
    void prefersOneSlightlySmallerLineToTwoLinesEvenWhenTwoWouldFit() {
        TextFit.Fitted fitted = TextFit.fit("123456", 50, 40, 10, 6, 9, MONO);

        assertThat(fitted.lines()).containsExactly("123456");
        assertThat(fitted.size()).isEqualTo(8);
    }

    @Test
    void aLongTextWrapsAtThePreferredSizeWhenTheCellIsHighEnough() {
        TextFit.Fitted fitted = TextFit.fit("가".repeat(12), 40, 40, 8, 6, 9, MONO);

        assertThat(fitted.size()).isEqualTo(8);
        assertThat(fitted.lines()).containsExactly("가".repeat(5), "가".repeat(5), "가".repeat(2));
    }

    @Test
    void aSingleLineTextShrinksAndIsCutButNeverBreaks() {
        TextFit.Fitted fitted = TextFit.fit("1234567890", 30, 40, 9, 6, 1, MONO);

        assertThat(fitted.lines()).containsExactly("1234" + TextFit.ELLIPSIS);
        assertThat(fitted.size()).isEqualTo(6);
    }

    @Test
    void wrapsAtSpacesWhenTheCellHasRoomForMoreLines() {
        TextFit.Fitted fitted = TextFit.fit("aaaa bbbb cccc", 40, 40, 8, 8, 9, MONO);

        assertThat(fitted.lines()).containsExactly("aaaa", "bbbb", "cccc");
    }

    @Test
    void breaksInsideAWordWithoutSpaces() {
        TextFit.Fitted fitted = TextFit.fit("가나다라마바", 24, 40, 8, 8, 9, MONO);

        assertThat(fitted.lines()).containsExactly("가나다", "라마바");
    }

    @Test
    void keepsExplicitLineBreaks() {
        TextFit.Fitted fitted = TextFit.fit("첫째\n둘째", 100, 40, 8, 8, 9, MONO);

        assertThat(fitted.lines()).containsExactly("첫째", "둘째");
    }

    @Test
    void cutsWithAnEllipsisWhenEvenTheSmallestSizeOverflows() {
        TextFit.Fitted fitted = TextFit.fit("가".repeat(40), 30, 8, 8, 6, 9, MONO);

        assertThat(fitted.size()).isEqualTo(6);
        assertThat(fitted.lines()).containsExactly("가".repeat(4) + TextFit.ELLIPSIS);
        assertThat(MONO.width(fitted.lines().get(0), 6)).isLessThanOrEqualTo(30);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emojis = "\uD83D\uDE00".repeat(4);

        TextFit.Fitted fitted = TextFit.fit(emojis, 20, 40, 10, 10, 9, MONO);

        assertThat(fitted.lines()).containsExactly("\uD83D\uDE00\uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE00");
    }

    @Test
    void emptyAndMissingTextsDrawNothing() {
        assertThat(TextFit.fit(null, 30, 8, 8, 6, 9, MONO).lines()).isEmpty();
        assertThat(TextFit.fit("", 30, 8, 8, 6, 9, MONO).lines()).isEmpty();
    }
}
