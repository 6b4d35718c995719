package io.billflow.notification.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the outbox for operations, and the two things they do with a failed message: resend, close. */
@Service
public class NotificationMessages {

    /** Shown instead of the text of a message that carries a one-time code. */
    public static final String SECRET_TEXT_HIDDEN = "(일회용 인증번호 문자: 내용은 표시하지 않습니다)";

    /** A resent message starts over: the report of its earlier attempt no longer speaks for it. */
    private static final String NO_DELIVERY_YET = "delivery_status = null, delivery_channel = null, "
            + "delivery_accepted_at = null, delivery_reported_at = null, next_report_check_at = null";

    /**
     * A message as operations see it; a text's {@code deliveryStatus} is ACCEPTED while its delivery report is
     * awaited, then DELIVERED or FAILED.
     */
    public record Message(long id, String eventType, String channel, String recipientKey, String recipients,
                          String subject, String textBody, String htmlBody, String status, int attempts,
                          Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
                          String providerMessageId, String fallbackChannel, String resentBy, String closedBy,
                          String deliveryStatus, String deliveryChannel, Instant deliveryReportedAt) {
    }

    /** Search criteria; null means any. {@code delivery} is a text's delivery status (ACCEPTED = report awaited). */
    public record Criteria(String recipient, String eventType, String status, String channel, String delivery,
                           LocalDate from, LocalDate to) {

        public static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED", "CANCELLED");
        public static final List<String> CHANNELS = List.of("EMAIL", "SMS", "LMS", "ALIMTALK");
        public static final List<String> DELIVERIES = List.of("ACCEPTED", "DELIVERED", "FAILED");

        public Criteria {
            status = oneOf("status", status, STATUSES);
            channel = oneOf("channel", channel, CHANNELS);
            delivery = oneOf("delivery", delivery, DELIVERIES);
        }

        private static String oneOf(String field, String value, List<String> allowed) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String upper = value.strip().toUpperCase(java.util.Locale.ROOT);
            if (!allowed.contains(upper)) {
                throw new io.billflow.platform.web.InvalidInputException(field, "must be one of " + allowed);
            }
            return upper;
        }
    }

    public record Page(List<Message> items, int page, int size, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public NotificationMessages(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page search(Criteria c, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (c.recipient() != null) {
            where.append(" and (recipient_key = :recipient or recipients ilike :recipientLike)");
            p.addValue("recipient", c.recipient()).addValue("recipientLike", "%" + c.recipient() + "%");
        }
        if (c.eventType() != null) {
            where.append(" and event_type = :event");
            p.addValue("event", c.eventType());
        }
        if (c.status() != null) {
            where.append(" and status = :status");
            p.addValue("status", c.status());
        }
        if (c.channel() != null) {
            where.append(" and channel = :channel");
            p.addValue("channel", c.channel());
        }
        if (c.delivery() != null) {
            where.append(" and delivery_status = :delivery");
            p.addValue("delivery", c.delivery());
        }
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        if (c.from() != null) {
            where.append(" and created_at >= :from");
            p.addValue("from", Timestamp.from(c.from().atStartOfDay(seoul).toInstant()));
        }
        if (c.to() != null) {
            where.append(" and created_at < :to");
            p.addValue("to", Timestamp.from(c.to().plusDays(1).atStartOfDay(seoul).toInstant()));
        }
        Long total = jdbc.queryForObject("select count(*) from notification_message" + where, p, Long.class);
        p.addValue("limit", size).addValue("offset", (long) page * size);
        List<Message> items = jdbc.query("select * from notification_message" + where
                + " order by created_at desc, id desc limit :limit offset :offset", p, NotificationMessages::map);
        return new Page(items, page, size, total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    public Message get(long id) {
        return jdbc.query("select * from notification_message where id = :id", new MapSqlParameterSource("id", id),
                NotificationMessages::map).stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("No notification " + id));
    }

    /**
     * Queues a FAILED (or CANCELLED) message again: fresh attempts, due now. A one-time code is never sent
     * again: its text was erased when its delivery ended and the code has expired; the partner asks for a new one.
     */
    @Transactional
    public Message resend(long id, String actor) {
        if (NotificationEvent.isSecret(get(id).eventType())) {
            throw new ConflictException("eventType", "a one-time code is not sent again (its text is erased and the "
                    + "code has expired); the partner asks for a new code");
        }
        int updated = jdbc.update("update notification_message set status = 'PENDING', attempts = 0, next_attempt_at = :now, "
                        + "resent_by = :actor, closed_by = null, " + NO_DELIVERY_YET
                        + " where id = :id and status in ('FAILED', 'CANCELLED')",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant())).addValue("actor", actor));
        if (updated == 0) {
            Message current = get(id);
            throw new ConflictException("status", "only FAILED or CANCELLED messages are resent; this one is " + current.status());
        }
        return get(id);
    }

    /**
     * Idempotent variants for process steps: a retried job finds the work done and does nothing. Operations'
     * "retry" on a failed one-time code closes it instead (see {@link #resend}); the task told them so.
     */
    @Transactional
    public boolean resendIfFailed(long id, String actor) {
        if (NotificationEvent.isSecret(get(id).eventType())) {
            closeIfFailed(id, actor + " (one-time code: closed, not resent)");
            return false;
        }
        return jdbc.update("update notification_message set status = 'PENDING', attempts = 0, next_attempt_at = :now, "
                        + "resent_by = :actor, " + NO_DELIVERY_YET + " where id = :id and status = 'FAILED'",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("actor", actor)) > 0;
    }

    @Transactional
    public boolean closeIfFailed(long id, String actor) {
        return jdbc.update("update notification_message set status = 'CANCELLED', closed_by = :actor "
                + "where id = :id and status = 'FAILED'", new MapSqlParameterSource("id", id).addValue("actor", actor)) > 0;
    }

    /** Operations handled the failure another way (e.g. phoned the partner): the message is closed. */
    @Transactional
    public Message close(long id, String actor) {
        int updated = jdbc.update("update notification_message set status = 'CANCELLED', closed_by = :actor "
                + "where id = :id and status = 'FAILED'", new MapSqlParameterSource("id", id).addValue("actor", actor));
        if (updated == 0) {
            Message current = get(id);
            throw new ConflictException("status", "only FAILED messages are closed; this one is " + current.status());
        }
        return get(id);
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        // a one-time code is for the phone's owner only: operations see that it was sent, never what it said
        boolean secret = NotificationEvent.isSecret(rs.getString("event_type"));
        return new Message(rs.getLong("id"), rs.getString("event_type"), rs.getString("channel"),
                rs.getString("recipient_key"), rs.getString("recipients"), rs.getString("subject"),
                secret ? SECRET_TEXT_HIDDEN : rs.getString("text_body"), secret ? null : rs.getString("html_body"),
                rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "sent_at"), rs.getString("provider_message_id"), rs.getString("fallback_channel"),
                rs.getString("resent_by"), rs.getString("closed_by"), rs.getString("delivery_status"),
                rs.getString("delivery_channel"), instant(rs, "delivery_reported_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
