package io.billflow.notification.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.billflow.notification.api.MailPort;
import io.billflow.notification.api.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the mail outbox. Each message is claimed with a lease (status SENDING,
 * {@code next_attempt_at} = lease end) in its own short transaction, using {@code FOR UPDATE SKIP LOCKED}
 * so several nodes share the work; then sent; then marked SENT. If the node dies between sending and
 * marking, the lease expires and the message is sent again with the same Message-ID (derived from the
 * dedup key), so mail clients fold the copy. Failures back off exponentially; after the last attempt
 * the message is FAILED and stays visible to operations.
 */
@Component
public class MailOutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** Mails claimed and sent over one SMTP connection. */
    static final int BATCH = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MailPort mailPort;
    private final Clock clock;
    private final int maxAttempts;
    private final FailureEscalation escalation;
    private final java.util.List<io.billflow.notification.api.AttachmentSource> attachmentSources;
    private final Duration firstBackoff;
    private final SealedSecrets sealedSecrets;

    public MailOutboxWorker(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, MailPort mailPort,
                            Clock clock, @Value("${billflow.mail.outbox.max-attempts:8}") int maxAttempts,
                            @Value("${billflow.mail.outbox.first-backoff:PT30S}") Duration firstBackoff,
                            FailureEscalation escalation,
                            java.util.List<io.billflow.notification.api.AttachmentSource> attachmentSources,
                            SealedSecrets sealedSecrets) {
        this.jdbc = jdbc;
        this.sealedSecrets = sealedSecrets;
        this.transaction = transaction;
        this.mailPort = mailPort;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.escalation = escalation;
        this.attachmentSources = attachmentSources;
    }

    @Scheduled(fixedDelayString = "${billflow.mail.outbox.poll-interval:PT2S}")
    public void deliverDue() {
        log.trace("Polling the mail outbox");
        int delivered;
        do {
            delivered = deliverBatch(BATCH);
        } while (delivered == BATCH);
    }

    /** Delivers up to {@code limit} due messages; returns how many it tried. */
    public int deliverBatch(int limit) {
        List<Claimed> claimed = transaction.execute(status -> claim(limit));
        if (claimed == null) {
            return 0;
        }
        if (!claimed.isEmpty()) {
            log.debug("Claimed {} outbox mail(s)", claimed.size());
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        java.util.List<OutgoingMail> mails = new java.util.ArrayList<>();
        java.util.Map<Integer, MailPort.MailDeliveryException> renderFailures = new java.util.HashMap<>();
        for (int i = 0; i < claimed.size(); i++) {
            try {
                mails.add(withAttachments(claimed.get(i), revealed(claimed.get(i))));
            } catch (RuntimeException e) {
                renderFailures.put(i, new MailPort.MailDeliveryException("attachment: " + e.getMessage(), e));
                mails.add(claimed.get(i).mail());
            }
        }
        java.util.Map<Integer, MailPort.MailDeliveryException> failures = new java.util.HashMap<>();
        java.util.List<Integer> sendable = new java.util.ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            if (!renderFailures.containsKey(i)) {
                sendable.add(i);
            }
        }
        java.util.Map<Integer, MailPort.MailDeliveryException> sendFailures =
                mailPort.sendAll(sendable.stream().map(mails::get).toList());
        sendFailures.forEach((index, failure) -> failures.put(sendable.get(index), failure));
        failures.putAll(renderFailures);
        for (int i = 0; i < claimed.size(); i++) {
            if (failures.containsKey(i)) {
                failed(claimed.get(i), failures.get(i));
            } else {
                sent(claimed.get(i));
            }
        }
        return claimed.size();
    }

    private List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        List<Claimed> due = jdbc.query("""
                select id, dedup_key, recipients, subject, text_body, html_body, attachments, attempts, sealed_secrets
                from notification_message
                where status in ('PENDING', 'SENDING') and next_attempt_at <= :now and channel = 'EMAIL'
                order by next_attempt_at limit :limit for update skip locked""",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit),
                (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("dedup_key"),
                        OutgoingMail.withMessageId(Arrays.asList(rs.getString("recipients").split(",")),
                                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                                messageId(rs.getString("dedup_key"))),
                        rs.getString("attachments"), rs.getInt("attempts"), rs.getString("sealed_secrets")));
        for (Claimed message : due) {
            jdbc.update("update notification_message set status = 'SENDING', attempts = attempts + 1, next_attempt_at = :lease "
                            + "where id = :id",
                    new MapSqlParameterSource("id", message.id()).addValue("lease", Timestamp.from(now.plus(LEASE))));
        }
        return due;
    }

    /** Delivered: a portal link it carried is erased, only its placeholder stays. */
    private void sent(Claimed message) {
        jdbc.update("update notification_message set status = 'SENT', sent_at = :now, last_error = null, "
                        + "sealed_secrets = null where id = :id",
                new MapSqlParameterSource("id", message.id()).addValue("now", Timestamp.from(clock.instant())));
    }

    private void failed(Claimed message, RuntimeException e) {
        int attempt = message.attempts() + 1;
        boolean giveUp = attempt >= maxAttempts;
        Instant next = clock.instant().plus(firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
        jdbc.update("update notification_message set status = :status, next_attempt_at = :next, last_error = :error "
                        + "where id = :id",
                new MapSqlParameterSource("id", message.id()).addValue("status", giveUp ? "FAILED" : "PENDING")
                        .addValue("next", Timestamp.from(next)).addValue("error", truncate(e.getMessage())));
        if (giveUp) {
            log.error("Mail {} failed {} times and needs operations: {}", message.dedupKey(), attempt, e.getMessage());
            escalation.escalate(message.id(), truncate(e.getMessage()));
        } else {
            log.warn("Mail {} attempt {} failed, next at {}: {}", message.dedupKey(), attempt, next, e.getMessage());
        }
    }

    /** Our Message-ID of the message with this dedup key: the same for every try, so mail clients fold a copy. */
    public static String messageId(String dedupKey) {
        return "<" + Integer.toHexString(dedupKey.hashCode()) + "." + dedupKey.length() + "."
                + java.util.UUID.nameUUIDFromBytes(dedupKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "@billflow>";
    }

    /** An error as the outbox stores it ({@code last_error}, escalation): at most 2,000 characters. */
    static String truncate(String message) {
        String text = message == null ? "(no message)" : message;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private record Claimed(long id, String dedupKey, OutgoingMail mail, String attachments, int attempts,
                           String sealedSecrets) {
    }

    /** The mail as it leaves: its sealed portal links put back in place of their placeholders (this copy only). */
    private OutgoingMail revealed(Claimed message) {
        if (message.sealedSecrets() == null) {
            return message.mail();
        }
        OutgoingMail mail = message.mail();
        java.util.Map<String, String> opened = sealedSecrets.open(message.dedupKey(), message.sealedSecrets());
        return OutgoingMail.withMessageId(mail.to(), SealedSecrets.reveal(mail.subject(), opened),
                SealedSecrets.reveal(mail.textBody(), opened), SealedSecrets.reveal(mail.htmlBody(), opened),
                mail.messageId());
    }

    /** The mail with its attachments rendered now; a failure to render fails this one message. */
    private OutgoingMail withAttachments(Claimed message, OutgoingMail mail) {
        if (message.attachments() == null || message.attachments().isBlank()) {
            return mail;
        }
        java.util.List<OutgoingMail.Attachment> files = new java.util.ArrayList<>();
        for (String ref : message.attachments().split(",")) {
            io.billflow.notification.api.AttachmentRef attachment = io.billflow.notification.api.AttachmentRef.parse(ref);
            io.billflow.notification.api.AttachmentSource source = attachmentSources.stream()
                    .filter(s -> s.kind().equals(attachment.kind())).findFirst()
                    .orElseThrow(() -> new MailPort.MailDeliveryException("no source for attachment " + ref, null));
            files.add(source.render(attachment.id()));
        }
        return new OutgoingMail(mail.to(), mail.subject(), mail.textBody(), mail.htmlBody(), files, mail.messageId());
    }
}
