package io.billflow.notification.template;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.billflow.notification.api.NotificationEvent;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the message for a {@link NotificationEvent} from
 * {@code classpath:templates/notification/}:
 * <ul>
 *   <li>{@code mail/<name>.txt} (TEXT): the <b>first line is the subject</b>, then a blank line, then the
 *       plain-text body. Subject and body live in one file so that they cannot drift apart;</li>
 *   <li>{@code mail/<name>.html} (HTML): the body inside the shared {@code mail/layout.html} (header,
 *       footer with why the recipient gets it and that the sender address takes no replies); the
 *       subject is handed to it as {@code subject};</li>
 *   <li>{@code text/<name>.txt} (TEXT): the SMS/LMS text, also the fallback when a KakaoTalk AlimTalk
 *       cannot be delivered. Its first line is the core message (aimed at ≤ 90 EUC-KR bytes, one SMS).</li>
 * </ul>
 * Variables are raw values (long won, {@code LocalDate}, {@code Instant}, {@code YearMonth}); templates
 * format them with {@code #fmt} ({@link KoreanFormats}). Which variables an event needs is what
 * {@link #sampleVariables} returns; a missing or null one throws {@link MissingTemplateVariableException}.
 */
@Component
public class NotificationTemplates {

    /** LMS carries at most 2,000 bytes in EUC-KR (KS X 1001), the encoding Korean carriers count in. */
    public static final int MAX_TEXT_BYTES = 2000;
    static final Charset EUC_KR = Charset.forName("EUC-KR");

    private final ITemplateEngine engine = NotificationTemplateEngine.create();

    /** Subject, plain text and HTML of the e-mail for {@code event}. */
    public RenderedMail renderMail(NotificationEvent event, Map<String, Object> variables) {
        Context context = context(event, variables);
        String subjectAndBody = engine.process("mail/" + event.templateName() + ".txt", context);
        int lineEnd = subjectAndBody.indexOf('\n');
        if (lineEnd < 0) {
            throw new IllegalStateException("mail/" + event.templateName() + ".txt has no body after the subject line");
        }
        String subject = subjectAndBody.substring(0, lineEnd).strip();
        String text = tidy(subjectAndBody.substring(lineEnd + 1));
        context.setVariable("subject", subject);
        String html = engine.process("mail/" + event.templateName() + ".html", context);
        return new RenderedMail(subject, text, html);
    }

    /** The SMS/LMS (and AlimTalk fallback) text for {@code event}; never more than {@value #MAX_TEXT_BYTES} EUC-KR bytes. */
    public String renderText(NotificationEvent event, Map<String, Object> variables) {
        String text = tidy(engine.process("text/" + event.templateName() + ".txt", context(event, variables)));
        int bytes = text.getBytes(EUC_KR).length;
        if (bytes > MAX_TEXT_BYTES) {
            // only absurdly long variables get here; sending a cut message would hide the wrong part
            throw new IllegalArgumentException(event + " text is " + bytes + " EUC-KR bytes, more than an LMS holds ("
                    + MAX_TEXT_BYTES + ")");
        }
        return text;
    }

    /** Realistic variables for {@code event}: the names and types its templates need. */
    public static Map<String, Object> sampleVariables(NotificationEvent event) {
        return SampleVariables.of(event);
    }

    /** The variables {@code event}'s templates need (the names of {@link #sampleVariables}). */
    public static Set<String> requiredVariables(NotificationEvent event) {
        return SampleVariables.of(event).keySet();
    }

    private static Context context(NotificationEvent event, Map<String, Object> variables) {
        List<String> missing = requiredVariables(event).stream()
                .filter(name -> variables == null || variables.get(name) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingTemplateVariableException(event, missing);
        }
        Context context = new Context(java.util.Locale.KOREA);
        context.setVariables(variables);
        return context;
    }

    /** Trailing spaces off, at most one blank line in a row (conditional blocks leave empty lines behind). */
    private static String tidy(String text) {
        return text.replace("\r\n", "\n")
                .replaceAll("(?m)[ \\t]+$", "")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
