package io.billflow.notification.text;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KakaoTalk AlimTalk template as registered with Kakao.
 *
 * @param code         the template code (Kakao's templateId)
 * @param event        the {@code NotificationEvent} name it is sent for
 * @param title        a short title; also the LMS subject of the 대체문자
 * @param content      the text with {@code #{변수}} placeholders
 * @param buttons      up to 5 link buttons (not carried over to the 대체문자)
 * @param state        Kakao's review state
 * @param rejectReason Kakao's reason when REJECTED
 */
public record AlimTalkTemplate(String code, String event, String title, String content, List<Button> buttons,
                               AlimTalkTemplateState state, String rejectReason, Instant updatedAt, String updatedBy) {

    static final Pattern PLACEHOLDER = Pattern.compile("#\\{([^{}]+)}");
    public static final int MAX_BUTTONS = 5;

    public AlimTalkTemplate {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** A button: {@code WL} web link with a mobile and an optional PC URL (Kakao's button types). */
    public record Button(String name, String type, String mobileUrl, String pcUrl) {
    }

    /** The placeholder names in the order they first appear, e.g. {@code [공급자상호, 합계금액]}. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(content);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
