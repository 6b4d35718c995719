package io.billflow.notification.adapter.persistence;

import java.sql.Timestamp;
import java.time.Clock;

import io.billflow.notification.api.MailOutbox;
import io.billflow.notification.api.OutgoingMail;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcMailOutbox implements MailOutbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    JdbcMailOutbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String dedupKey, String eventType, OutgoingMail mail) {
        if (!mail.attachments().isEmpty()) {
            throw new UnsupportedOperationException("attachments are rendered at delivery time; not stored in the outbox");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into notification_message (dedup_key, event_type, recipients, subject, text_body, html_body, status,
                                         next_attempt_at, created_at)
                values (:key, :type, :to, :subject, :text, :html, 'PENDING', :now, :now)
                on conflict (dedup_key) do nothing""", new MapSqlParameterSource()
                .addValue("key", dedupKey).addValue("type", eventType)
                .addValue("to", String.join(",", mail.to())).addValue("subject", mail.subject())
                .addValue("text", mail.textBody()).addValue("html", mail.htmlBody()).addValue("now", now));
    }
}
