package io.billflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.notification.api.MailOutbox;
import io.billflow.notification.api.MailPort;
import io.billflow.notification.api.OutgoingMail;
import io.billflow.notification.application.MailOutboxWorker;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: queued with the business change, delivered once, surviving an SMTP outage. */
@BillflowSpringTest
class MailOutboxTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailOutboxWorker worker;

    @Autowired
    GreenMail greenMail;

    @Autowired
    MailPort mailPort;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void deliveredOnceThroughGreenMail() {
        String to = "once-" + System.nanoTime() + "@outbox-test.kr";
        transaction.executeWithoutResult(s -> outbox.enqueue("once:" + to, "PARTNER_NTS_LINKED",
                OutgoingMail.of(to, "한 번만", "본문", null)));
        transaction.executeWithoutResult(s -> outbox.enqueue("once:" + to, "PARTNER_NTS_LINKED",
                OutgoingMail.of(to, "한 번만", "본문", null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(to).size() == 1);
        worker.deliverBatch(50);
        assertThat(received(to)).hasSize(1);
        assertThat(jdbc.queryForObject("select status from notification_message where dedup_key = ?", String.class,
                "once:" + to)).isEqualTo("SENT");
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String to = "rollback-" + System.nanoTime() + "@outbox-test.kr";
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            outbox.enqueue("rollback:" + to, "PARTNER_NTS_LINKED", OutgoingMail.of(to, "보내면 안 됨", "본문", null));
            throw new IllegalStateException("the business change failed");
        })).hasMessageContaining("business change failed");
        worker.deliverBatch(50);
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key = ?", Integer.class,
                "rollback:" + to)).isZero();
        assertThat(received(to)).isEmpty();
    }

    @Test
    void anSmtpOutageDelaysDeliveryWithoutDuplicates() throws Exception {
        String to = "outage-" + System.nanoTime() + "@outbox-test.kr";
        int port = greenMail.getSmtp().getPort();
        greenMail.stop();
        try {
            transaction.executeWithoutResult(s -> outbox.enqueue("outage:" + to, "PARTNER_NTS_LINKED",
                    OutgoingMail.of(to, "장애 후 도착", "본문", null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from notification_message where dedup_key = ? and status = 'PENDING' "
                            + "and last_error is not null and attempts >= 1", Integer.class, "outage:" + to) == 1);
            // (the await above saw it PENDING with the SMTP error recorded: retried later, not lost)
        } finally {
            greenMail.start();
        }
        assertThat(greenMail.getSmtp().getPort()).as("the dev SMTP server comes back on its port").isEqualTo(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> received(to).size() == 1);
        Thread.sleep(1_500); // give a wrongly duplicated delivery the time to show up
        assertThat(received(to)).hasSize(1);
    }

    @Test
    void aResentMailKeepsItsMessageIdSoClientsFoldTheCopy() throws Exception {
        String to = "message-id-" + System.nanoTime() + "@outbox-test.kr";
        String messageId = "<" + System.nanoTime() + ".fixed@billflow>";
        OutgoingMail mail = OutgoingMail.withMessageId(List.of(to), "같은 메일", "본문", "<p>본문</p>", messageId);
        mailPort.send(mail);
        mailPort.send(mail); // as after a node died between sending and marking SENT
        await().atMost(Duration.ofSeconds(10)).until(() -> received(to).size() == 2);
        for (MimeMessage copy : received(to)) {
            assertThat(copy.getMessageID()).isEqualTo(messageId);
        }
    }

    @Test
    void operationsListAndResendFailedMessages() {
        Long id = jdbc.queryForObject("""
                insert into notification_message (dedup_key, event_type, recipients, subject, text_body, status, attempts,
                    next_attempt_at, created_at, last_error, recipient_key)
                values (?, 'CERTIFICATE_EXPIRING', ?, '만료 안내', '본문', 'FAILED', 8, now(), now(), '550', 'partner:777')
                returning id""", Long.class, "failed-" + System.nanoTime(), "resend-" + System.nanoTime() + "@outbox-test.kr");
        TestHttp http = new TestHttp(port);
        String failed = http.getBasic("/api/notifications?status=FAILED&recipient=partner:777", "operator", "operator").body();
        assertThat(failed).contains("\"id\":" + id, "\"status\":\"FAILED\"");
        assertThat(http.getBasic("/api/notifications/" + id, "manager", "manager").statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/notifications/" + id + "/resend", "", "operator", "operator").body())
                .contains("\"status\":\"PENDING\"", "\"resentBy\":\"operator\"");
        assertThat(http.postJson("/api/notifications/" + id + "/resend", "", "operator", "operator").statusCode())
                .isEqualTo(409);
    }

    @Test
    void mandatoryNoticesKeepTheirEmail() {
        TestHttp http = new TestHttp(port);
        assertThat(http.putJson("/api/notification-preferences/partner:9/INVOICE_ISSUED",
                "{\"email\":false,\"alimtalk\":true,\"sms\":false}", "operator", "operator").body())
                .contains("\"field\":\"email\"", "mandatory");
        assertThat(http.putJson("/api/notification-preferences/partner:9/INVOICE_REMINDER",
                "{\"email\":false,\"alimtalk\":true,\"sms\":true}", "operator", "operator").statusCode()).isEqualTo(200);
        assertThat(http.getBasic("/api/notification-preferences/partner:9", "operator", "operator").body())
                .contains("{\"eventType\":\"INVOICE_REMINDER\",\"email\":false,\"alimtalk\":true,\"sms\":true,"
                        + "\"mandatory\":false,\"stored\":true}");
    }

    private List<MimeMessage> received(String to) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
