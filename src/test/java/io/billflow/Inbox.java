package io.billflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import io.billflow.notification.application.MailOutboxWorker;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a recipient finds in its mailbox: the delivered e-mails of the outbox rows of one notice, read from the
 * test mail server (GreenMail). A portal link exists in clear only there — the outbox keeps a placeholder and the
 * link sealed until delivery (ADR 0001) — so tests follow links the way a partner does.
 */
public final class Inbox {

    public static final Pattern PORTAL_LINK = Pattern.compile("(/portal/access/[A-Za-z0-9_-]{20,})");

    private final GreenMail greenMail;
    private final JdbcTemplate jdbc;
    private final MailOutboxWorker worker;

    public Inbox(GreenMail greenMail, JdbcTemplate jdbc, MailOutboxWorker worker) {
        this.greenMail = greenMail;
        this.jdbc = jdbc;
        this.worker = worker;
    }

    /** The portal link of a notice, as its recipient reads it. */
    public String portalLink(String dedupPrefix) {
        return portalLink(greenMail, jdbc, worker, dedupPrefix);
    }

    public List<String> deliveredTexts(String dedupPrefix) {
        return deliveredTexts(greenMail, jdbc, worker, dedupPrefix);
    }

    /** The text of each delivered e-mail of the rows whose dedup key starts with {@code dedupPrefix}. */
    public static List<String> deliveredTexts(GreenMail greenMail, JdbcTemplate jdbc, MailOutboxWorker worker,
                                              String dedupPrefix) {
        List<String> keys = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            worker.deliverBatch(50);
            List<String> rows = jdbc.queryForList("select dedup_key from notification_message where dedup_key like ? "
                    + "and channel = 'EMAIL' and status = 'SENT'", String.class, dedupPrefix + "%");
            Integer all = jdbc.queryForObject("select count(*) from notification_message where dedup_key like ? "
                    + "and channel = 'EMAIL'", Integer.class, dedupPrefix + "%");
            keys.clear();
            keys.addAll(rows);
            return !rows.isEmpty() && rows.size() == all;
        });
        List<String> texts = new ArrayList<>();
        for (String key : keys) {
            String messageId = MailOutboxWorker.messageId(key);
            MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> messageId.equals(header(m)))
                    .findFirst().orElseThrow(() -> new AssertionError("no delivered mail for " + key));
            texts.add(text(mail));
        }
        return texts;
    }

    /** The one portal link the notice's e-mails carry (every recipient of a notice gets the same link). */
    public static String portalLink(GreenMail greenMail, JdbcTemplate jdbc, MailOutboxWorker worker, String dedupPrefix) {
        List<String> texts = deliveredTexts(greenMail, jdbc, worker, dedupPrefix);
        Matcher link = PORTAL_LINK.matcher(texts.get(0));
        assertThat(link.find()).as(texts.get(0)).isTrue();
        assertThat(texts).allSatisfy(text -> assertThat(text).contains(link.group(1)));
        return link.group(1);
    }

    private static String header(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part (or the HTML when there is none) of a delivered mail. */
    static String text(Part part) {
        try {
            if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = text(child);
                    if (text != null && child.isMimeType("text/plain")) {
                        return text;
                    }
                    if (text != null && html == null) {
                        html = text;
                    }
                }
                return html;
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
