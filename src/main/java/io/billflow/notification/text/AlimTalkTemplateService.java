package io.billflow.notification.text;

import io.billflow.platform.web.input.MultiLine;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The AlimTalk template registry: registration, Kakao's review (recorded here as staff learn the outcome
 * from the provider's console), and rendering. Illegal state changes are 409; sending needs APPROVED.
 */
@Service
public class AlimTalkTemplateService {

    private final AlimTalkTemplateRepository templates;
    private final Clock clock;

    public AlimTalkTemplateService(AlimTalkTemplateRepository templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** A template to register. */
    public record NewTemplate(String code, String event, String title, @MultiLine String content,
                              List<AlimTalkTemplate.Button> buttons) {
    }

    public List<AlimTalkTemplate> list() {
        return templates.findAll();
    }

    public AlimTalkTemplate get(String code) {
        return templates.find(code).orElseThrow(() -> new ResourceNotFoundException("No AlimTalk template " + code));
    }

    /** Registers a template in state SAVED; 400 for bad fields, 409 when the code is taken. */
    public AlimTalkTemplate create(NewTemplate request, String by) {
        validate(request);
        AlimTalkTemplate template = new AlimTalkTemplate(request.code(), request.event(), request.title(),
                request.content(), request.buttons(), AlimTalkTemplateState.SAVED, null, clock.instant(), by);
        if (!templates.insert(template)) {
            throw new ConflictException("code", "an AlimTalk template with code " + request.code() + " exists");
        }
        return template;
    }

    public AlimTalkTemplate requestReview(String code, String by) {
        return move(code, AlimTalkTemplateState.REQUESTED, null, by);
    }

    public AlimTalkTemplate approve(String code, String by) {
        return move(code, AlimTalkTemplateState.APPROVED, null, by);
    }

    public AlimTalkTemplate reject(String code, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why Kakao rejected the template");
        }
        return move(code, AlimTalkTemplateState.REJECTED, reason.strip(), by);
    }

    /** The template, if it may be sent now; refuses SAVED, REQUESTED and REJECTED ones. */
    public AlimTalkTemplate approved(String code) {
        AlimTalkTemplate template = get(code);
        if (template.state() != AlimTalkTemplateState.APPROVED) {
            throw new TemplateNotApprovedException(code, template.state());
        }
        return template;
    }

    /** Replaces every {@code #{변수}}; refuses when a variable has no value. Extra values are ignored. */
    public String render(String code, Map<String, String> variables) {
        return render(get(code), variables);
    }

    public static String render(AlimTalkTemplate template, Map<String, String> variables) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : template.variables()) {
            if (variables.get(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingTemplateVariableException(template.code(), missing);
        }
        // one pass, so a value that itself contains "#{...}" is not expanded again
        Matcher matcher = AlimTalkTemplate.PLACEHOLDER.matcher(template.content());
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(variables.get(matcher.group(1))));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    private AlimTalkTemplate move(String code, AlimTalkTemplateState target, String reason, String by) {
        AlimTalkTemplate current = get(code);
        if (!current.state().canMoveTo(target)) {
            throw new ConflictException("state", "template " + code + " is " + current.state()
                    + "; it cannot become " + target + " (allowed: " + current.state().next() + ")");
        }
        AlimTalkTemplate changed = new AlimTalkTemplate(current.code(), current.event(), current.title(),
                current.content(), current.buttons(), target, reason, clock.instant(), by);
        if (!templates.updateState(changed, current.state())) {
            throw new ConflictException("state", "template " + code + " was changed at the same time; reload it");
        }
        return changed;
    }

    private static void validate(NewTemplate t) {
        require(t.code(), "code");
        require(t.title(), "title");
        require(t.content(), "content");
        if (!t.code().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidInputException("code", "must be 1-64 letters, digits, '_' or '-'");
        }
        try {
            NotificationEvent.valueOf(String.valueOf(t.event()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("event", "must be a NotificationEvent name, e.g. INVOICE_ISSUED");
        }
        if (!t.event().equals(t.event().toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("event", "must be written in capitals, e.g. INVOICE_ISSUED");
        }
        if (t.content().codePointCount(0, t.content().length()) > TextMessage.ALIMTALK_MAX_CHARS) {
            throw new InvalidInputException("content", "must be at most " + TextMessage.ALIMTALK_MAX_CHARS + " characters");
        }
        if (t.buttons() != null && t.buttons().size() > AlimTalkTemplate.MAX_BUTTONS) {
            throw new InvalidInputException("buttons", "at most " + AlimTalkTemplate.MAX_BUTTONS + " buttons");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
    }

    /** Sending with a template Kakao has not approved (yet). */
    public static class TemplateNotApprovedException extends ConflictException {
        public TemplateNotApprovedException(String code, AlimTalkTemplateState state) {
            super("alimtalkTemplateCode", "AlimTalk template " + code + " is " + state + "; only APPROVED templates can be sent");
        }
    }
}
