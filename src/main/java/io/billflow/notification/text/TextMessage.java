package io.billflow.notification.text;

import java.util.Objects;

/**
 * One message for the provider, already checked against the channel's limits.
 *
 * @param channel              SMS, LMS or ALIMTALK
 * @param from                 the registered sender number (발신번호), e.g. {@code 02-1234-5678}
 * @param to                   the recipient's mobile number, e.g. {@code 010-1234-5678}
 * @param subject              LMS subject (≤ 40 bytes) or null; ignored for SMS
 * @param text                 the content; for AlimTalk the rendered template
 * @param alimtalkTemplateCode the approved template's code (AlimTalk only)
 * @param idempotencyKey       the same key sent twice produces one message
 * @param advertising          a 광고 message (정보통신망법 §50), subject to the night ban
 */
public record TextMessage(TextChannel channel, String from, String to, String subject, String text,
                          String alimtalkTemplateCode, String idempotencyKey, boolean advertising) {

    /** Kakao's limit for an AlimTalk body (characters, not bytes: KakaoTalk is Unicode). */
    public static final int ALIMTALK_MAX_CHARS = 1_000;

    public TextMessage {
        Objects.requireNonNull(channel, "channel");
        requireText(from, "from");
        requireText(to, "to");
        requireText(text, "text");
        requireText(idempotencyKey, "idempotencyKey");
        switch (channel) {
            case SMS -> {
                if (TextMessageType.of(text) != TextMessageType.SMS) {
                    throw new IllegalArgumentException("the text is " + TextLength.eucKrBytes(text)
                            + " bytes (EUC-KR); an SMS holds at most " + TextMessageType.SMS_MAX_BYTES);
                }
                subject = null; // an SMS has no subject line
            }
            case LMS -> {
                TextMessageType.of(text); // refuses > 2,000 bytes and characters outside EUC-KR
                TextMessageType.checkSubject(subject);
            }
            case ALIMTALK -> {
                requireText(alimtalkTemplateCode, "alimtalkTemplateCode");
                if (text.codePointCount(0, text.length()) > ALIMTALK_MAX_CHARS) {
                    throw new IllegalArgumentException("an AlimTalk holds at most " + ALIMTALK_MAX_CHARS + " characters");
                }
            }
        }
    }

    /** The recipient number without hyphens or spaces, e.g. {@code 01012345678}. */
    public String toDigits() {
        return digits(to);
    }

    static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
