package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextLengthTest {

    @Test
    void asciiCountsOneByteEach() {
        assertThat(TextLength.eucKrBytes("Invoice 2026-001 issued.")).isEqualTo(24);
        assertThat(TextLength.eucKrBytes("")).isZero();
    }

    @Test
    void koreanCountsTwoBytesEach() {
        assertThat(TextLength.eucKrBytes("세금계산서")).isEqualTo(10);
        // 똠 is not in EUC-KR's 2,350 syllables but CP949 has it, still 2 bytes
        assertThat(TextLength.eucKrBytes("(주)똠방각하")).isEqualTo(1 + 2 + 1 + 4 * 2);
    }

    @Test
    void mixedTextAddsUp() {
        // "[billflow] " 11 + "발행 완료" (4 Hangul × 2 + a space) 9; the KS X 1001 symbol ■ counts 2
        assertThat(TextLength.eucKrBytes("[billflow] 발행 완료")).isEqualTo(11 + 9);
        assertThat(TextLength.eucKrBytes("합계 1,100,000원 ■")).isEqualTo(4 + 1 + 9 + 2 + 1 + 2);
    }

    @Test
    void emojiIsRefusedWithTheCharacterNamed() {
        assertThatThrownBy(() -> TextLength.eucKrBytes("발행 완료 😀"))
                .isInstanceOf(TextLength.UnsupportedCharacterException.class)
                .hasMessageContaining("😀").hasMessageContaining("U+1F600").hasMessageContaining("position 6");
    }

    @Test
    void symbolsOutsideKsX1001AreRefused() {
        assertThatThrownBy(() -> TextLength.eucKrBytes("확인 ✅"))
                .isInstanceOf(TextLength.UnsupportedCharacterException.class).hasMessageContaining("U+2705");
    }
}
