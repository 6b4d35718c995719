package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextMessageTypeTest {

    @Test
    void ninetyBytesIsAnSmsNinetyOneAnLms() {
        assertThat(TextMessageType.of("a".repeat(90))).isEqualTo(TextMessageType.SMS);
        assertThat(TextMessageType.of("a".repeat(91))).isEqualTo(TextMessageType.LMS);
        assertThat(TextMessageType.of("가".repeat(45))).isEqualTo(TextMessageType.SMS);
        assertThat(TextMessageType.of("가".repeat(45) + "a")).isEqualTo(TextMessageType.LMS);
    }

    @Test
    void twoThousandBytesIsTheLastLms() {
        assertThat(TextMessageType.of("가".repeat(1_000))).isEqualTo(TextMessageType.LMS);
        assertThatThrownBy(() -> TextMessageType.of("가".repeat(1_000) + "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2001 bytes");
    }

    @Test
    void lmsSubjectHoldsFortyBytes() {
        TextMessageType.checkSubject("가".repeat(20));
        assertThatThrownBy(() -> TextMessageType.checkSubject("가".repeat(20) + "!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("41 bytes");
    }

    @Test
    void anSmsMessageRefusesLongText() {
        assertThatThrownBy(() -> new TextMessage(TextChannel.SMS, "02-1234-5678", "010-1234-5678", null,
                "가".repeat(46), null, "k1", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("92 bytes");
    }
}
