package io.billflow.notification.text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * The one place that decides whether and how a text goes out; the outbox worker calls {@link #send}.
 * <ol>
 *   <li>The sender number must be registered in advance (발신번호 사전등록제): {@code billflow.text.sender-numbers}.</li>
 *   <li>Advertising (정보통신망법 §50) must start with "(광고)" and is refused 21:00–08:00 Asia/Seoul, whatever the
 *   host's zone; informational (transactional) messages go at any hour. AlimTalk may not advertise at all.</li>
 *   <li>AlimTalk only with a template Kakao APPROVED, every {@code #{변수}} filled in.</li>
 *   <li>When the AlimTalk fails, its content goes out once as SMS or LMS by byte length (대체문자), with the
 *   idempotency key {@code <key>:fallback}; the report carries both results.</li>
 * </ol>
 */
@Service
public class TextMessageSender {

    /** Korean law counts night hours in Korean time. */
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final LocalTime NIGHT_STARTS = LocalTime.of(21, 0);
    static final LocalTime NIGHT_ENDS = LocalTime.of(8, 0);
    static final String AD_LABEL = "(광고)";

    private final TextMessagingPort provider;
    private final AlimTalkTemplateService templates;
    private final Set<String> senderNumbers;
    private final Clock clock;

    public TextMessageSender(TextMessagingPort provider, AlimTalkTemplateService templates,
                             TextMessagingProperties properties, Clock clock) {
        this.provider = provider;
        this.templates = templates;
        this.senderNumbers = properties.senderNumbers().stream().map(TextMessage::digits)
                .filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /**
     * Sends now, or throws {@link TextRefusedException} (nothing sent). Provider outages surface as
     * {@link TextMessagingPort.TextProviderUnavailableException}: retry with the same request.
     */
    public TextSendReport send(TextRequest request) {
        checkSender(request.from());
        if (request.advertising()) {
            checkAdvertising(request);
        }
        if (!request.isAlimTalk()) {
            TextMessage message = carrierMessage(request.subject(), request.text(), request, request.idempotencyKey());
            return new TextSendReport(deliver(message), null);
        }
        AlimTalkTemplate template = approvedTemplate(request.templateCode());
        String content;
        try {
            content = AlimTalkTemplateService.render(template, request.variables());
        } catch (MissingTemplateVariableException e) {
            throw new TextRefusedException(TextRefusedException.Reason.MISSING_VARIABLE, e.getMessage(), null, e);
        }
        TextMessage alimTalk = message(() -> new TextMessage(TextChannel.ALIMTALK, request.from(), request.to(), null,
                content, template.code(), request.idempotencyKey(), false));
        TextSendReport.Delivery primary = deliver(alimTalk);
        // an AlimTalk only accepted may still fail: its fallback then follows its delivery report
        if (!primary.result().failed() || !request.fallback()) {
            return new TextSendReport(primary, null);
        }
        return new TextSendReport(primary, fallback(template, content, request));
    }

    /**
     * The 대체문자 of an AlimTalk that the provider accepted and later reported failed (e.g. not a KakaoTalk user),
     * under the same key the immediate fallback uses, so it goes out once. The template must still be approved.
     */
    public TextSendReport.Delivery fallbackAfterReport(TextRequest request) {
        if (!request.isAlimTalk() || !request.fallback()) {
            throw new IllegalArgumentException("only an AlimTalk with a fallback has a 대체문자");
        }
        checkSender(request.from());
        AlimTalkTemplate template = approvedTemplate(request.templateCode());
        try {
            return fallback(template, AlimTalkTemplateService.render(template, request.variables()), request);
        } catch (MissingTemplateVariableException e) {
            throw new TextRefusedException(TextRefusedException.Reason.MISSING_VARIABLE, e.getMessage(), null, e);
        }
    }

    /** The 대체문자: same content, SMS or LMS by length, the template title as LMS subject; buttons are dropped. */
    private TextSendReport.Delivery fallback(AlimTalkTemplate template, String content, TextRequest request) {
        String key = request.idempotencyKey() + ":fallback";
        TextMessage message;
        try {
            message = carrierMessage(fitSubject(template.title()), content, request, key);
        } catch (TextRefusedException | IllegalArgumentException e) {
            // e.g. an emoji in a variable: the AlimTalk could carry it, an SMS cannot; report it, send nothing
            return new TextSendReport.Delivery(null,
                    TextSendResult.failed(null, "FALLBACK_NOT_SENDABLE", e.getMessage()));
        }
        return deliver(message);
    }

    private TextMessage carrierMessage(String subject, String text, TextRequest request, String key) {
        return message(() -> {
            TextMessageType type = TextMessageType.of(text);
            return new TextMessage(type.channel(), request.from(), request.to(),
                    type == TextMessageType.LMS ? subject : null, text, null, key, request.advertising());
        });
    }

    private TextSendReport.Delivery deliver(TextMessage message) {
        return new TextSendReport.Delivery(message, provider.send(message));
    }

    private void checkSender(String from) {
        if (from == null || !senderNumbers.contains(TextMessage.digits(from))) {
            throw new TextRefusedException(TextRefusedException.Reason.UNREGISTERED_SENDER, "sender number " + from
                    + " is not registered (billflow.text.sender-numbers); carriers block unregistered 발신번호");
        }
    }

    private void checkAdvertising(TextRequest request) {
        if (request.isAlimTalk()) {
            throw new TextRefusedException(TextRefusedException.Reason.ADVERTISING_ALIMTALK,
                    "AlimTalk may carry informational messages only; send advertising as SMS/LMS");
        }
        if (request.text() == null || !request.text().startsWith(AD_LABEL)) {
            throw new TextRefusedException(TextRefusedException.Reason.ADVERTISING_WITHOUT_LABEL,
                    "an advertising text must start with " + AD_LABEL + " (정보통신망법 §50④)");
        }
        ZonedDateTime now = clock.instant().atZone(SEOUL);
        if (isNight(now.toLocalTime())) {
            throw new TextRefusedException(TextRefusedException.Reason.ADVERTISING_AT_NIGHT,
                    "advertising texts are not sent between 21:00 and 08:00 (Asia/Seoul); it is " + now.toLocalTime()
                            .withNano(0), nextMorning(now), null);
        }
    }

    static boolean isNight(LocalTime time) {
        return !time.isBefore(NIGHT_STARTS) || time.isBefore(NIGHT_ENDS);
    }

    private static Instant nextMorning(ZonedDateTime now) {
        ZonedDateTime morning = now.toLocalDate().atTime(NIGHT_ENDS).atZone(SEOUL);
        return (now.isBefore(morning) ? morning : morning.plusDays(1)).toInstant();
    }

    private AlimTalkTemplate approvedTemplate(String code) {
        try {
            return templates.approved(code);
        } catch (AlimTalkTemplateService.TemplateNotApprovedException | io.billflow.platform.web.ResourceNotFoundException e) {
            throw new TextRefusedException(TextRefusedException.Reason.TEMPLATE_NOT_APPROVED, e.getMessage(), null, e);
        }
    }

    /** LMS subjects hold 40 bytes: cut the template title rather than refuse the fallback. */
    private static String fitSubject(String title) {
        String subject = title;
        while (subject != null && !subject.isEmpty() && TextLength.eucKrBytes(subject) > TextMessageType.LMS_SUBJECT_MAX_BYTES) {
            subject = subject.substring(0, subject.offsetByCodePoints(subject.length(), -1));
        }
        return subject;
    }

    /** Turns the message's own checks (length, characters) into a refusal the worker will not retry. */
    private static TextMessage message(java.util.function.Supplier<TextMessage> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new TextRefusedException(TextRefusedException.Reason.INVALID_MESSAGE, e.getMessage(), null, e);
        }
    }
}
