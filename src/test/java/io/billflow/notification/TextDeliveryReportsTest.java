package io.billflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.notification.application.TextDeliveryReports;
import io.billflow.notification.template.NotificationTemplates;
import io.billflow.notification.text.TextMessagingSimulator;
import io.billflow.workflow.BpmnIds;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A text the provider only accepted is followed until its delivery report (the test profile's simulator
 * reports 0.1 s after accepting; the outbox looks every 0.2 s).
 */
@BillflowSpringTest
class TextDeliveryReportsTest {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TextMessagingSimulator phone;

    @Autowired
    TextDeliveryReports reports;

    @Autowired
    RuntimeService runtimeService;

    @LocalServerPort
    int port;

    @Test
    void anAcceptedTextIsDeliveredWhenTheCarrierSaysSo() {
        String dedup = "report-delivered-" + System.nanoTime();
        publish(NotificationEvent.VERIFICATION_CODE, dedup, "010-3141-5926");
        await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(delivery(dedup).get("delivery_status")));
        Map<String, Object> row = delivery(dedup);
        String channelItWent = phone.messages().stream().filter(t -> t.message().idempotencyKey().startsWith(dedup))
                .findFirst().orElseThrow().message().channel().name();
        assertThat(row).as("an SMS row goes as SMS or, by its length, LMS").containsEntry("status", "SENT")
                .containsEntry("delivery_channel", channelItWent).containsEntry("next_report_check_at", null);
        assertThat(row.get("delivery_reported_at")).isNotNull();
        assertThat(phone.deliveryReport((String) row.get("provider_message_id")).orElseThrow().status().name())
                .isEqualTo("DELIVERED");
    }

    @Test
    void operationsFindTextsByDeliveryStatusAndBadFiltersAreNamed() {
        String dedup = "report-filter-" + System.nanoTime();
        publish(NotificationEvent.INVOICE_ISSUED, dedup, "010-5772-1566");
        await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(delivery(dedup).get("delivery_status")));
        TestHttp http = new TestHttp(port);
        String recipient = "&recipient=settlement-group:" + dedup;
        assertThat(http.getBasic("/api/notifications?delivery=delivered" + recipient, "operator", "operator").body())
                .contains("\"deliveryStatus\":\"DELIVERED\"", "\"total\":1");
        assertThat(http.getBasic("/api/notifications?delivery=ACCEPTED" + recipient, "operator", "operator").body())
                .contains("\"total\":0");
        for (String bad : List.of("delivery=SENT", "status=SEND", "channel=FAX")) {
            var refused = http.getBasic("/api/notifications?" + bad, "operator", "operator");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
            assertThat(refused.body()).contains("\"field\":\"" + bad.substring(0, bad.indexOf('=')) + "\"",
                    "must be one of");
        }
    }

    @Test
    void anAlimTalkReportedUndeliverableGetsItsFallbackOnceAndThatIsFollowedToo() {
        String dedup = "report-fallback-" + System.nanoTime();
        // the simulator's non-KakaoTalk users end in 0000: Kakao accepts, then reports KAKAO_NOT_USER
        publishAlimTalk(dedup, "010-2718-0000");
        await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(delivery(dedup, "ALIMTALK")
                .get("delivery_status")));
        Map<String, Object> row = delivery(dedup, "ALIMTALK");
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("fallback_channel")).isIn("SMS", "LMS");
        assertThat(row.get("delivery_channel")).isEqualTo(row.get("fallback_channel"));
        List<TextMessagingSimulator.SimulatedText> sent = phone.messagesTo("010-2718-0000").stream()
                .filter(t -> t.message().idempotencyKey().startsWith(dedup)).toList();
        assertThat(sent).extracting(t -> t.message().channel().name())
                .containsExactly("ALIMTALK", (String) row.get("fallback_channel"));
        assertThat(sent.get(0).outcome().failureCode()).isEqualTo("KAKAO_NOT_USER");
        assertThat(sent.get(1).message().idempotencyKey()).endsWith(":fallback");
        assertThat(row.get("provider_message_id")).isEqualTo(sent.get(1).result().providerMessageId());

        reports.checkBatch();
        assertThat(phone.messagesTo("010-2718-0000").stream().filter(t -> t.message().idempotencyKey()
                .startsWith(dedup))).as("the fallback went once").hasSize(2);
    }

    @Test
    void aTextReportedUndeliverableFailsAndGoesToOperations() {
        String dedup = "report-failed-" + System.nanoTime();
        publish(NotificationEvent.INVOICE_ISSUED, dedup, "010-0000-2718");
        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(delivery(dedup).get("status")));
        Map<String, Object> row = delivery(dedup);
        assertThat(row).containsEntry("delivery_status", "FAILED").containsEntry("next_report_check_at", null);
        assertThat((String) row.get("last_error")).startsWith("NO_SUBSCRIBER");
        long id = ((Number) row.get("id")).longValue();
        await().atMost(Duration.ofSeconds(15)).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(BpmnIds.NotificationFailure.businessKey(id)).count() == 1);
    }

    @Test
    void noReportWithinTheWindowIsAFailureNotADelivery() {
        Instant now = Instant.now();
        long lost = acceptedLongAgo("report-lost-" + System.nanoTime(), now.minus(Duration.ofHours(25)));
        long young = acceptedLongAgo("report-young-" + System.nanoTime(), now.minus(Duration.ofHours(23)));
        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(statusOf(lost)));
        assertThat(jdbc.queryForObject("select last_error from notification_message where id = ?", String.class, lost))
                .startsWith("RESULT_TIMEOUT: no delivery report within 24 h")
                .contains("the provider does not know message");
        await().atMost(Duration.ofSeconds(15)).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(BpmnIds.NotificationFailure.businessKey(lost)).count() == 1);

        jdbc.update("update notification_message set next_report_check_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), young);
        reports.checkBatch();
        assertThat(jdbc.queryForMap("select status, delivery_status from notification_message where id = ?", young))
                .as("inside its window a missing report is only late")
                .containsEntry("status", "SENT").containsEntry("delivery_status", "ACCEPTED");
        jdbc.update("update notification_message set delivery_status = 'FAILED', status = 'CANCELLED', "
                + "next_report_check_at = null where id = ?", young);
    }

    private void publish(NotificationEvent event, String dedup, String mobile) {
        Recipient recipient = new Recipient("settlement-group:" + dedup, "수신자", null, List.of(), mobile);
        if (!event.secret()) {
            jdbc.update("insert into notification_preference (recipient_key, event_type, email_enabled, "
                    + "alimtalk_enabled, sms_enabled, updated_at, updated_by) values (?, ?, false, false, true, now(), "
                    + "'test')", recipient.key(), event.name());
        }
        transaction.executeWithoutResult(s -> notifications.publish(event, dedup, List.of(recipient),
                NotificationTemplates.sampleVariables(event)));
    }

    private void publishAlimTalk(String dedup, String mobile) {
        Recipient recipient = new Recipient("partner:" + dedup, "(주)대체", null, List.of(), mobile);
        transaction.executeWithoutResult(s -> notifications.publish(NotificationEvent.INVOICE_ISSUED, dedup,
                List.of(recipient), NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED)));
    }

    /** A text the provider accepted (its id unknown to the simulator: the report was lost) at {@code at}. */
    private long acceptedLongAgo(String dedup, Instant at) {
        return jdbc.queryForObject("""
                insert into notification_message (dedup_key, event_type, channel, recipients, subject, text_body, status,
                    attempts, next_attempt_at, created_at, sent_at, provider_message_id, delivery_status,
                    delivery_channel, delivery_accepted_at, next_report_check_at)
                values (?, 'INVOICE_ISSUED', 'SMS', '010-1618-0339', '', '[billflow] 발행 안내', 'SENT', 1, ?, ?, ?,
                    ?, 'ACCEPTED', 'SMS', ?, ?)
                returning id""", Long.class, dedup, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at),
                "SOLAPI-LOST-" + dedup, Timestamp.from(at), Timestamp.from(Instant.now().minusSeconds(1)));
    }

    private Map<String, Object> delivery(String dedup) {
        return jdbc.queryForMap("select * from notification_message where dedup_key like ? and channel <> 'EMAIL'",
                dedup + "%");
    }

    private Map<String, Object> delivery(String dedup, String channel) {
        return jdbc.queryForMap("select * from notification_message where dedup_key like ? and channel = ?",
                dedup + "%", channel);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select status from notification_message where id = ?", String.class, id);
    }
}
