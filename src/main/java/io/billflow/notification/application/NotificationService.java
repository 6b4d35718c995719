package io.billflow.notification.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.notification.template.KoreanFormats;
import io.billflow.notification.template.NotificationTemplates;
import io.billflow.notification.template.RenderedMail;
import io.billflow.notification.text.AlimTalkTemplate;
import io.billflow.notification.text.AlimTalkTemplateService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a published event into outbox rows, inside the caller's transaction: one e-mail per recipient
 * (rendered from the Korean templates now, so what is sent is what was true at the event), plus a
 * KakaoTalk AlimTalk (with SMS/LMS fallback) when the event has an approved template, the recipient a
 * mobile number and its preferences allow it, or an SMS where the recipient chose SMS.
 */
@Service
public class NotificationService implements Notifications {

    private final JdbcTemplate jdbc;
    private final NotificationTemplates templates;
    private final AlimTalkTemplateService alimTalk;
    private final NotificationPreferences preferences;
    private final ObjectMapper json;
    private final Clock clock;
    private final KoreanFormats formats = new KoreanFormats();
    /** LMS subject of a one-time-code text (≤ 40 EUC-KR bytes); the code itself is only in the body. */
    static final String SECRET_TEXT_SUBJECT = "[billflow] 인증번호";

    public NotificationService(JdbcTemplate jdbc, NotificationTemplates templates, AlimTalkTemplateService alimTalk,
                               NotificationPreferences preferences, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.alimTalk = alimTalk;
        this.preferences = preferences;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(NotificationEvent event, String dedupKey, List<Recipient> recipients, Map<String, Object> variables) {
        publish(event, dedupKey, recipients, variables, List.of());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(NotificationEvent event, String dedupKey, List<Recipient> recipients, Map<String, Object> variables,
                        List<io.billflow.notification.api.AttachmentRef> attachments) {
        if (event.secret()) {
            queueSecretText(event, dedupKey, recipients, variables);
            return;
        }
        String attachmentRefs = attachments.isEmpty() ? null
                : String.join(",", attachments.stream().map(Object::toString).toList());
        RenderedMail mail = templates.renderMail(event, variables);
        String text = templates.renderText(event, variables);
        Optional<AlimTalkTemplate> kakao = approvedAlimTalk(event);
        for (Recipient recipient : recipients) {
            Set<NotificationPreferences.Channel> channels = preferences.channels(recipient.key(), event);
            String key = dedupKey + ":" + recipient.key();
            if (channels.contains(NotificationPreferences.Channel.EMAIL) && recipient.email() != null) {
                List<String> to = new ArrayList<>();
                to.add(recipient.email());
                to.addAll(recipient.ccEmails());
                insert(key + ":EMAIL", event, "EMAIL", recipient.key(), String.join(",", to), mail.subject(),
                        mail.text(), mail.html(), null, null, attachmentRefs);
            }
            if (recipient.mobile() == null) {
                continue;
            }
            if (channels.contains(NotificationPreferences.Channel.ALIMTALK) && kakao.isPresent()) {
                insert(key + ":ALIMTALK", event, "ALIMTALK", recipient.key(), recipient.mobile(), kakao.get().title(),
                        text, null, kakao.get().code(), toJson(alimTalkVariables(variables)), null);
            } else if (channels.contains(NotificationPreferences.Channel.SMS)) {
                insert(key + ":SMS", event, "SMS", recipient.key(), recipient.mobile(), mail.subject(), text, null,
                        null, null, null);
            }
        }
    }

    /**
     * A one-time code goes by SMS to the mobile it proves, and nowhere else: no e-mail copy, no AlimTalk
     * (whose variables would be stored beside the text), whatever the recipient's preferences.
     */
    private void queueSecretText(NotificationEvent event, String dedupKey, List<Recipient> recipients,
                                 Map<String, Object> variables) {
        String text = templates.renderText(event, variables);
        for (Recipient recipient : recipients) {
            if (recipient.mobile() == null) {
                throw new IllegalArgumentException(event + " goes by SMS only; recipient " + recipient.key()
                        + " has no mobile number");
            }
            insert(dedupKey + ":" + recipient.key() + ":SMS", event, "SMS", recipient.key(), recipient.mobile(),
                    SECRET_TEXT_SUBJECT, text, null, null, null, null);
        }
    }

    private void insert(String dedupKey, NotificationEvent event, String channel, String recipientKey, String to,
                        String subject, String text, String html, String template, String variables,
                        String attachments) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into notification_message (dedup_key, event_type, channel, recipient_key, recipients, subject,
                    text_body, html_body, alimtalk_template, variables, attachments, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                on conflict (dedup_key) do nothing""", dedupKey, event.name(), channel, recipientKey, to,
                truncate(subject, 500), text, html, template, variables, attachments, now, now);
    }

    /** The AlimTalk template registered for the event ({@code BF_<EVENT>}), when Kakao has approved it. */
    private Optional<AlimTalkTemplate> approvedAlimTalk(NotificationEvent event) {
        try {
            return Optional.of(alimTalk.approved("BF_" + event.name()));
        } catch (RuntimeException notApprovedOrMissing) {
            return Optional.empty();
        }
    }

    /** The Korean placeholders of the AlimTalk templates, filled from the event's variables. */
    Map<String, String> alimTalkVariables(Map<String, Object> v) {
        Map<String, String> korean = new LinkedHashMap<>();
        putIf(korean, "공급자상호", v.get("supplierName"));
        putIf(korean, "공급받는자상호", v.get("buyerName"));
        if (v.get("writeDate") != null) {
            korean.put("작성일자", formats.date(v.get("writeDate")));
        }
        if (v.get("totalAmount") instanceof Number amount) {
            korean.put("합계금액", String.format("%,d", amount.longValue()));
        }
        if (v.get("deadline") != null) {
            korean.put("발행기한", formats.date(v.get("deadline")));
        }
        if (v.get("approvalNumber") != null) {
            korean.put("승인번호", formats.approvalNumber(v.get("approvalNumber")));
        }
        putIf(korean, "링크", v.get("link"));
        return korean;
    }

    private static void putIf(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }

    private String toJson(Map<String, String> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
