package io.billflow.notification.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.text.TextMessageSender;
import io.billflow.notification.text.TextMessagingPort;
import io.billflow.notification.text.TextMessagingProperties;
import io.billflow.notification.text.TextRefusedException;
import io.billflow.notification.text.TextRequest;
import io.billflow.notification.text.TextSendReport;
import io.billflow.notification.text.TextSendResult;
import io.billflow.notification.text.TextSendStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the SMS, LMS and KakaoTalk rows of the outbox through {@link TextMessageSender} (approved
 * templates, registered sender, night ban for advertising, fallback from AlimTalk to SMS/LMS). The row's
 * dedup key is the provider idempotency key, so a retried delivery never sends twice. A provider outage
 * is retried with backoff; a refused or finally failed message is FAILED and goes to operations.
 * <p>
 * A one-time code ({@link io.billflow.notification.api.NotificationEvent#secret()}) is in the row only until
 * its delivery ends: sent or finally failed, the text is replaced by {@link #ERASED_SECRET_TEXT}, so the
 * database never keeps a code in clear (the code itself is stored only as an HMAC by its ledger).
 */
@Component
public class TextOutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(TextOutboxWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    /** What stays of a one-time code's text once its delivery ended. */
    public static final String ERASED_SECRET_TEXT = "(일회용 인증번호: 발송이 끝나 내용을 지웠습니다)";

    /** Tells operations why a failed one-time code is closed, not resent: by then it has expired anyway. */
    static final String SECRET_NOT_RESENT = "일회용 인증번호는 다시 보내지 않습니다(만료됨): 파트너가 새 인증번호를 요청해야 합니다";

    private record Claimed(long id, String dedupKey, String channel, String to, String subject, String text,
                           String template, String variables, boolean advertising, int attempts, boolean secret,
                           String sealedSecrets) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TextMessageSender sender;
    private final TextMessagingProperties properties;
    private final FailureEscalation escalation;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration reportPollInterval;
    private final SealedSecrets sealedSecrets;

    public TextOutboxWorker(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, TextMessageSender sender,
                            TextMessagingProperties properties, FailureEscalation escalation, ObjectMapper json,
                            Clock clock, @Value("${billflow.mail.outbox.max-attempts:8}") int maxAttempts,
                            @Value("${billflow.mail.outbox.first-backoff:PT30S}") Duration firstBackoff,
                            SealedSecrets sealedSecrets) {
        this.jdbc = jdbc;
        this.sealedSecrets = sealedSecrets;
        this.transaction = transaction;
        this.sender = sender;
        this.properties = properties;
        this.escalation = escalation;
        this.json = json;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.reportPollInterval = properties.deliveryReports().pollInterval();
    }

    @Scheduled(fixedDelayString = "${billflow.mail.outbox.poll-interval:PT2S}")
    public void deliverDue() {
        int delivered;
        do {
            delivered = deliverBatch();
        } while (delivered == BATCH);
    }

    public int deliverBatch() {
        List<Claimed> claimed = transaction.execute(status -> claim());
        if (claimed == null) {
            return 0;
        }
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        List<Claimed> due = jdbc.query("""
                select id, dedup_key, channel, recipients, subject, text_body, alimtalk_template, variables, advertising,
                       attempts, event_type, sealed_secrets from notification_message
                where status in ('PENDING', 'SENDING') and next_attempt_at <= :now and channel <> 'EMAIL'
                order by next_attempt_at limit :limit for update skip locked""",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", BATCH),
                (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getInt(10),
                        NotificationEvent.isSecret(rs.getString(11)), rs.getString(12)));
        for (Claimed message : due) {
            jdbc.update("update notification_message set status = 'SENDING', attempts = attempts + 1, "
                    + "next_attempt_at = :lease where id = :id", new MapSqlParameterSource("id", message.id())
                    .addValue("lease", Timestamp.from(now.plus(LEASE))));
        }
        return due;
    }

    private void deliver(Claimed message) {
        String from = properties.senderNumbers().get(0);
        try {
            // a portal link goes out in clear to the provider only; the row keeps its placeholder
            String sealed = message.sealedSecrets();
            TextRequest request = "ALIMTALK".equals(message.channel())
                    ? TextRequest.alimTalk(from, message.to(), message.template(),
                            variables(json, sealedSecrets.reveal(message.dedupKey(), sealed, message.variables())),
                            message.dedupKey())
                    : TextRequest.text(from, message.to(), message.subject(),
                            sealedSecrets.reveal(message.dedupKey(), sealed, message.text()), message.dedupKey(),
                            message.advertising());
            TextSendReport report = sender.send(request);
            if (report.finalResult().failed()) {
                fail(message, report.finalResult().failureCode() + ": " + report.finalResult().failureReason(), true);
            } else {
                sent(message, report);
            }
        } catch (TextRefusedException refused) {
            if (refused.reason() == TextRefusedException.Reason.ADVERTISING_AT_NIGHT && refused.notBefore() != null) {
                jdbc.update("update notification_message set status = 'PENDING', next_attempt_at = :at, last_error = :e "
                        + "where id = :id", new MapSqlParameterSource("id", message.id())
                        .addValue("at", Timestamp.from(refused.notBefore())).addValue("e", refused.getMessage()));
            } else {
                fail(message, refused.reason() + ": " + refused.getMessage(), true);
            }
        } catch (TextMessagingPort.TextProviderUnavailableException unavailable) {
            fail(message, "provider unavailable: " + unavailable.getMessage(), message.attempts() + 1 >= maxAttempts);
        } catch (io.billflow.platform.crypto.KeyVault.VaultException unopened) {
            fail(message, "sealed link: " + unopened.getMessage(), message.attempts() + 1 >= maxAttempts);
        }
    }

    private void fail(Claimed message, String error, boolean finalFailure) {
        String text = MailOutboxWorker.truncate(error);
        Instant next = clock.instant().plus(firstBackoff.multipliedBy(1L << Math.min(message.attempts(), 10)));
        jdbc.update("update notification_message set status = :status, next_attempt_at = :next, last_error = :error "
                + "where id = :id", new MapSqlParameterSource("id", message.id())
                .addValue("status", finalFailure ? "FAILED" : "PENDING").addValue("next", Timestamp.from(next))
                .addValue("error", text));
        if (finalFailure) {
            failedForGood(message.id(), message.channel(), message.dedupKey(), message.secret(), text);
        }
    }

    /**
     * Handed over: the provider accepted the message (its delivery report is followed by
     * {@link TextDeliveryReports}) or already reported it delivered.
     */
    private void sent(Claimed message, TextSendReport report) {
        TextSendReport.Delivery awaited = report.fellBack() ? report.fallback() : report.primary();
        TextSendResult result = awaited.result();
        Instant now = clock.instant();
        boolean accepted = result.status() == TextSendStatus.ACCEPTED;
        jdbc.update("""
                        update notification_message set status = 'SENT', sent_at = :now, last_error = null,
                            provider_message_id = :provider, fallback_channel = :fallback, delivery_status = :delivery,
                            delivery_channel = :deliveryChannel, delivery_accepted_at = :now,
                            delivery_reported_at = :reportedAt, next_report_check_at = :nextCheck,
                            sealed_secrets = case when :accepted then sealed_secrets end
                        where id = :id""",
                new MapSqlParameterSource("id", message.id()).addValue("now", Timestamp.from(now))
                        .addValue("provider", result.providerMessageId())
                        .addValue("fallback", report.fellBack() ? awaited.message().channel().name() : null)
                        .addValue("delivery", result.status().name())
                        .addValue("deliveryChannel", awaited.message().channel().name())
                        .addValue("reportedAt", accepted ? null : Timestamp.from(now))
                        .addValue("nextCheck", accepted ? Timestamp.from(now.plus(reportPollInterval)) : null)
                        // an accepted text keeps its sealed link until the report: a 대체문자 may still need it
                        .addValue("accepted", accepted));
        eraseIfSecret(message.id(), message.secret());
    }

    /**
     * A text that failed for good (refused, out of attempts, or reported undeliverable): its one-time code, if it
     * carried one, is erased, and operations get the failure.
     */
    void failedForGood(long id, String channel, String dedupKey, boolean secret, String error) {
        log.error("{} message {} failed and needs operations: {}", channel, dedupKey, error);
        eraseIfSecret(id, secret);
        escalation.escalate(id, secret ? error + " — " + SECRET_NOT_RESENT : error);
    }

    private void eraseIfSecret(long id, boolean secret) {
        if (secret) {
            jdbc.update("update notification_message set text_body = :erased where id = :id",
                    new MapSqlParameterSource("id", id).addValue("erased", ERASED_SECRET_TEXT));
        }
    }

    /** An AlimTalk row's stored template variables. */
    static Map<String, String> variables(ObjectMapper json, String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, new TypeReference<Map<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored AlimTalk variables unreadable", e);
        }
    }
}
