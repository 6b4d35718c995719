package io.billflow.notification.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.text.TextChannel;
import io.billflow.notification.text.TextMessageSender;
import io.billflow.notification.text.TextMessagingPort;
import io.billflow.notification.text.TextMessagingPort.TextProviderUnavailableException;
import io.billflow.notification.text.TextMessagingProperties;
import io.billflow.notification.text.TextRefusedException;
import io.billflow.notification.text.TextRequest;
import io.billflow.notification.text.TextSendReport;
import io.billflow.notification.text.TextSendResult;
import io.billflow.notification.text.TextSendStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows every text the provider only accepted until its delivery report. Delivered: recorded. Failed: an
 * AlimTalk's 대체문자 goes out (once, under the key the immediate fallback uses) and is followed in turn; anything
 * else is FAILED and goes to operations like a refused text. No report within the channel's window
 * ({@code billflow.text.delivery-reports.*-window}, SOLAPI: SMS 24 h, LMS 72 h) counts as failed
 * ({@code RESULT_TIMEOUT}), so an accepted text that never arrives is never taken for delivered.
 * <p>
 * Rows are claimed with {@code for update skip locked} and their next look is set before the provider is asked,
 * so nodes share the work and a node dying mid-check only delays a report by one interval.
 */
@Component
public class TextDeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(TextDeliveryReports.class);
    private static final int BATCH = 50;

    /** A row awaiting the report of the message it last handed over. */
    private record Awaited(long id, String dedupKey, String to, String template, String variables,
                           String providerMessageId, String fallbackChannel, TextChannel channel, Instant acceptedAt,
                           boolean secret, String sealedSecrets) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TextMessagingPort provider;
    private final TextMessageSender sender;
    private final TextMessagingProperties properties;
    private final TextOutboxWorker outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final SealedSecrets sealedSecrets;

    public TextDeliveryReports(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                               TextMessagingPort provider, TextMessageSender sender, TextMessagingProperties properties,
                               TextOutboxWorker outbox, ObjectMapper json, Clock clock, SealedSecrets sealedSecrets) {
        this.jdbc = jdbc;
        this.sealedSecrets = sealedSecrets;
        this.transaction = transaction;
        this.provider = provider;
        this.sender = sender;
        this.properties = properties;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${billflow.text.delivery-reports.poll-interval:PT1M}")
    public void checkDue() {
        int checked;
        do {
            checked = checkBatch();
        } while (checked == BATCH);
    }

    public int checkBatch() {
        List<Awaited> due = transaction.execute(status -> claim());
        if (due == null) {
            return 0;
        }
        due.forEach(this::check);
        return due.size();
    }

    private List<Awaited> claim() {
        Instant now = clock.instant();
        List<Awaited> due = jdbc.query("""
                        select id, dedup_key, recipients, alimtalk_template, variables, provider_message_id,
                               fallback_channel, delivery_channel, delivery_accepted_at, event_type, sealed_secrets
                        from notification_message
                        where delivery_status = 'ACCEPTED' and next_report_check_at <= :now
                        order by next_report_check_at limit :limit for update skip locked""",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", BATCH),
                (rs, i) -> new Awaited(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), TextChannel.valueOf(rs.getString(8)),
                        rs.getTimestamp(9).toInstant(), NotificationEvent.isSecret(rs.getString(10)),
                        rs.getString(11)));
        for (Awaited text : due) {
            jdbc.update("update notification_message set next_report_check_at = :next where id = :id",
                    new MapSqlParameterSource("id", text.id()).addValue("next", Timestamp.from(now.plus(interval()))));
        }
        return due;
    }

    private void check(Awaited text) {
        Optional<TextSendResult> report;
        try {
            report = provider.deliveryReport(text.providerMessageId());
        } catch (TextProviderUnavailableException unavailable) {
            log.warn("no delivery report for {} yet, the provider is unavailable: {}", text.dedupKey(),
                    unavailable.getMessage());
            return;
        }
        TextSendStatus status = report.map(TextSendResult::status).orElse(TextSendStatus.ACCEPTED);
        switch (status) {
            case DELIVERED -> delivered(text);
            case FAILED -> failed(text, report.get().failureCode() + ": " + report.get().failureReason());
            case ACCEPTED -> {
                Duration window = properties.deliveryReports().window(text.channel());
                if (!clock.instant().isBefore(text.acceptedAt().plus(window))) {
                    failed(text, "RESULT_TIMEOUT: no delivery report within " + window.toHours() + " h of acceptance"
                            + (report.isEmpty() ? " (the provider does not know message " + text.providerMessageId()
                            + ")" : ""));
                }
            }
        }
    }

    /** Delivered: a portal link it carried is erased, only its placeholder stays. */
    private void delivered(Awaited text) {
        jdbc.update("update notification_message set delivery_status = 'DELIVERED', delivery_reported_at = :now, "
                + "next_report_check_at = null, sealed_secrets = null where id = :id and delivery_status = 'ACCEPTED'",
                new MapSqlParameterSource("id", text.id()).addValue("now", Timestamp.from(clock.instant())));
    }

    private void failed(Awaited text, String reason) {
        String error = reason;
        if (text.channel() == TextChannel.ALIMTALK && text.fallbackChannel() == null && text.template() != null) {
            try {
                TextSendReport.Delivery fallback = sender.fallbackAfterReport(request(text));
                if (!fallback.result().failed()) {
                    awaitFallback(text, fallback);
                    return;
                }
                error = reason + "; 대체문자 " + fallback.result().failureCode() + ": " + fallback.result().failureReason();
            } catch (TextRefusedException refused) {
                error = reason + "; 대체문자 not sent: " + refused.getMessage();
            } catch (TextProviderUnavailableException unavailable) {
                // the next look finds the AlimTalk failed again and sends the 대체문자 under the same key
                log.warn("대체문자 for {} not sent yet, the provider is unavailable: {}", text.dedupKey(),
                        unavailable.getMessage());
                return;
            }
        }
        String stored = MailOutboxWorker.truncate(error);
        int updated = jdbc.update("update notification_message set status = 'FAILED', delivery_status = 'FAILED', "
                        + "delivery_reported_at = :now, next_report_check_at = null, last_error = :error "
                        + "where id = :id and delivery_status = 'ACCEPTED'",
                new MapSqlParameterSource("id", text.id()).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("error", stored));
        if (updated == 1) {
            outbox.failedForGood(text.id(), text.channel().name(), text.dedupKey(), text.secret(), stored);
        }
    }

    /** The 대체문자 went out: from now on the row awaits its report instead of the AlimTalk's. */
    private void awaitFallback(Awaited text, TextSendReport.Delivery fallback) {
        Instant now = clock.instant();
        boolean accepted = fallback.result().status() == TextSendStatus.ACCEPTED;
        jdbc.update("""
                        update notification_message set provider_message_id = :provider, fallback_channel = :channel,
                            delivery_channel = :channel, delivery_status = :status, delivery_accepted_at = :now,
                            delivery_reported_at = :reportedAt, next_report_check_at = :next
                        where id = :id and delivery_status = 'ACCEPTED'""",
                new MapSqlParameterSource("id", text.id()).addValue("provider", fallback.result().providerMessageId())
                        .addValue("channel", fallback.message().channel().name())
                        .addValue("status", fallback.result().status().name()).addValue("now", Timestamp.from(now))
                        .addValue("reportedAt", accepted ? null : Timestamp.from(now))
                        .addValue("next", accepted ? Timestamp.from(now.plus(interval())) : null));
    }

    private TextRequest request(Awaited text) {
        return TextRequest.alimTalk(properties.senderNumbers().get(0), text.to(), text.template(),
                TextOutboxWorker.variables(json, sealedSecrets.reveal(text.dedupKey(), text.sealedSecrets(),
                        text.variables())), text.dedupKey());
    }

    private Duration interval() {
        return properties.deliveryReports().pollInterval();
    }
}
