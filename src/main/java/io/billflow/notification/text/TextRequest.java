package io.billflow.notification.text;

import java.util.Map;

/**
 * What the outbox asks {@link TextMessageSender} to send. Build it with {@link #text} or {@link #alimTalk}.
 *
 * @param from           the sender number; must be one of {@code billflow.text.sender-numbers}
 * @param to             the recipient's mobile number
 * @param subject        LMS subject (≤ 40 bytes) or null; unused for SMS and AlimTalk
 * @param text           the SMS/LMS text; null for AlimTalk (the template gives it)
 * @param templateCode   the AlimTalk template; null for SMS/LMS
 * @param variables      values for the template's {@code #{변수}}
 * @param idempotencyKey the outbox row's key: resending the same request sends nothing new
 * @param advertising    a 광고 message: refused 21:00–08:00 (Asia/Seoul), must start with "(광고)"
 * @param fallback       send the AlimTalk's content as SMS/LMS (대체문자) when the AlimTalk fails
 */
public record TextRequest(String from, String to, String subject, String text, String templateCode,
                          Map<String, String> variables, String idempotencyKey, boolean advertising,
                          boolean fallback) {

    public TextRequest {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** An SMS or LMS, chosen by the text's byte length. */
    public static TextRequest text(String from, String to, String subject, String text, String idempotencyKey,
                                   boolean advertising) {
        return new TextRequest(from, to, subject, text, null, Map.of(), idempotencyKey, advertising, false);
    }

    /** An AlimTalk with 대체문자 fallback (informational: AlimTalk may not carry advertising). */
    public static TextRequest alimTalk(String from, String to, String templateCode, Map<String, String> variables,
                                       String idempotencyKey) {
        return new TextRequest(from, to, null, null, templateCode, variables, idempotencyKey, false, true);
    }

    public boolean isAlimTalk() {
        return templateCode != null;
    }
}
