package io.billflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Publication;
import io.billflow.notification.api.Recipient;
import io.billflow.notification.application.NotificationMessages;
import io.billflow.notification.application.NotificationPreferences;
import io.billflow.notification.application.TextOutboxWorker;
import io.billflow.notification.template.NotificationTemplates;
import io.billflow.notification.text.TextMessagingSimulator;
import io.billflow.workflow.BpmnIds;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** An event published by a module reaches the right people on the right channels. */
@BillflowSpringTest
class NotificationPublishingTest {

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Autowired
    com.icegreen.greenmail.util.GreenMail greenMail;

    /** The simulated carrier: what reached each phone. */
    @Autowired
    TextMessagingSimulator phone;

    @Autowired
    NotificationMessages messages;

    @Autowired
    RuntimeService runtimeService;

    String key(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void anIssueRequestGoesByEmailAndKakaoTalk() {
        String dedup = key("issue-request");
        Recipient supplier = new Recipient("partner:" + dedup, "(주)한빛광고", "tax@" + dedup + ".kr",
                List.of("acct@" + dedup + ".kr"), "010-2345-6789");
        transaction.executeWithoutResult(s -> notifications.publish(NotificationEvent.INVOICE_ISSUE_REQUESTED, dedup,
                List.of(supplier), NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUE_REQUESTED)));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select count(*) from notification_message "
                + "where dedup_key like ? and status = 'SENT'", Integer.class, dedup + "%") == 2);
        List<Map<String, Object>> rows = jdbc.queryForList("select channel, recipients, subject, fallback_channel "
                + "from notification_message where dedup_key like ? order by channel", dedup + "%");
        assertThat(rows).extracting(r -> r.get("channel")).containsExactly("ALIMTALK", "EMAIL");
        assertThat(rows.get(1).get("recipients").toString()).contains("tax@", "acct@");
        assertThat(rows.get(1).get("subject").toString()).startsWith("[billflow]").contains("발급 요청");
        assertThat(rows.get(0).get("fallback_channel")).isNull();
    }

    @Test
    void aFailedKakaoTalkFallsBackToTextOnce() {
        String dedup = key("fallback");
        Recipient noKakao = new Recipient("partner:" + dedup, "(주)대체", "x@" + dedup + ".kr", List.of(), "010-1234-0000");
        transaction.executeWithoutResult(s -> notifications.publish(NotificationEvent.INVOICE_ISSUED, dedup,
                List.of(noKakao), NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED)));
        // Kakao accepts, then reports the recipient is no KakaoTalk user: the 대체문자 follows that report
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select fallback_channel from "
                + "notification_message where dedup_key like ? and channel = 'ALIMTALK'", String.class, dedup + "%") != null);
        assertThat(jdbc.queryForObject("select fallback_channel from notification_message where dedup_key like ? "
                + "and channel = 'ALIMTALK'", String.class, dedup + "%")).isIn("SMS", "LMS");
        String texts = new TestHttp(port).getBasic("/api/dev/text-messages", "admin", "admin").body();
        assertThat(texts.split("010-1234-0000", -1).length - 1).as("one AlimTalk attempt + one fallback").isEqualTo(2);
    }

    @Test
    void aOneTimeCodeReachesThePhoneAndLeavesNoTraceInTheOutbox() {
        String dedup = textACode("one-time-code", "010-4821-7733", "SENT");
        String code = (String) NotificationTemplates.sampleVariables(NotificationEvent.VERIFICATION_CODE).get("code");

        assertThat(phone.messagesTo("010-4821-7733")).filteredOn(t -> t.message().idempotencyKey().startsWith(dedup))
                .singleElement().satisfies(t -> assertThat(t.message().text()).contains(code));
        Map<String, Object> row = jdbc.queryForMap("select text_body, html_body, variables from notification_message "
                + "where dedup_key like ?", dedup + "%");
        assertThat(row.get("text_body")).isEqualTo(TextOutboxWorker.ERASED_SECRET_TEXT);
        assertThat(row.get("html_body")).isNull();
        assertThat(row.get("variables")).isNull();
    }

    @Test
    void aOneTimeCodeThatCannotBeDeliveredIsErasedAndClosedNotResent() {
        // the simulator's 결번 range: the carrier answers "no such subscriber", a final failure
        String dedup = textACode("undeliverable-code", "010-0000-1234", "FAILED");
        long id = jdbc.queryForObject("select id from notification_message where dedup_key like ?", Long.class, dedup + "%");
        assertThat(jdbc.queryForObject("select text_body from notification_message where id = ?", String.class, id))
                .isEqualTo(TextOutboxWorker.ERASED_SECRET_TEXT);

        // operations get the task, told why there is nothing to resend
        await().atMost(Duration.ofSeconds(15)).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(BpmnIds.NotificationFailure.businessKey(id)).count() == 1);
        String processId = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(BpmnIds.NotificationFailure.businessKey(id)).singleResult().getId();
        assertThat((String) runtimeService.getVariable(processId, BpmnIds.NotificationFailure.VAR_ERROR))
                .contains("NO_SUBSCRIBER", "새 인증번호");

        var refused = new TestHttp(port).postJson("/api/notifications/" + id + "/resend", "{}", "operator", "operator");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("eventType", "one-time code");
        assertThat(jdbc.queryForObject("select status from notification_message where id = ?", String.class, id))
                .isEqualTo("FAILED");

        // "retry" chosen in Tasklist closes it instead: an expired code is never sent again
        assertThat(messages.resendIfFailed(id, "operations (Tasklist)")).isFalse();
        assertThat(jdbc.queryForMap("select status, closed_by from notification_message where id = ?", id))
                .containsEntry("status", "CANCELLED")
                .containsEntry("closed_by", "operations (Tasklist) (one-time code: closed, not resent)");
        runtimeService.deleteProcessInstance(processId, "test done");
    }

    /** Publishes a one-time code to {@code mobile} and waits until its outbox row is {@code status}; its dedup key. */
    private String textACode(String prefix, String mobile, String status) {
        String dedup = key(prefix);
        Recipient owner = new Recipient("settlement-group:" + dedup, "정산그룹", null, List.of(), mobile);
        transaction.executeWithoutResult(s -> notifications.publish(NotificationEvent.VERIFICATION_CODE, dedup,
                List.of(owner), NotificationTemplates.sampleVariables(NotificationEvent.VERIFICATION_CODE)));
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(jdbc.queryForObject(
                "select status from notification_message where dedup_key like ?", String.class, dedup + "%")));
        return dedup;
    }

    @Test
    void preferencesAreRespectedButMandatoryEmailStays() {
        String dedup = key("prefs");
        String recipientKey = "partner:" + dedup;
        transaction.executeWithoutResult(s -> {
            preferences.set(recipientKey, NotificationEvent.INVOICE_REMINDER, false, false, true, "test");
        });
        Recipient partner = new Recipient(recipientKey, "(주)설정", "p@" + dedup + ".kr", List.of(), "010-3456-7890");
        transaction.executeWithoutResult(s -> {
            notifications.publish(NotificationEvent.INVOICE_REMINDER, dedup + "-reminder", List.of(partner),
                    NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_REMINDER));
            notifications.publish(NotificationEvent.INVOICE_ISSUED, dedup + "-issued", List.of(partner),
                    NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED));
        });
        assertThat(jdbc.queryForList("select channel from notification_message where dedup_key like ?", String.class,
                dedup + "-reminder%")).containsExactly("SMS");
        assertThat(jdbc.queryForList("select channel from notification_message where dedup_key like ? order by channel",
                String.class, dedup + "-issued%")).containsExactly("ALIMTALK", "EMAIL");
    }

    @Test
    void publishingManyAtOnceQueuesWhatEachWouldAloneAndOnce() {
        String dedup = key("all");
        String smsOnly = "partner:" + dedup + "-sms";
        transaction.executeWithoutResult(s -> preferences.set(smsOnly, NotificationEvent.INVOICE_REMINDER, false, false,
                true, "test"));
        Recipient textFan = new Recipient(smsOnly, "(주)문자", "s@" + dedup + ".kr", List.of(), "010-5555-0001");
        Recipient usual = new Recipient("partner:" + dedup + "-usual", "(주)보통", "u@" + dedup + ".kr",
                List.of("cc@" + dedup + ".kr"), "010-5555-0002");
        Recipient mailOnly = new Recipient("buyer:" + dedup, "(주)구매", "b@" + dedup + ".kr", List.of(), null);
        List<Publication> batch = List.of(
                new Publication(NotificationEvent.INVOICE_REMINDER, dedup + "-reminder", List.of(textFan, usual),
                        NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_REMINDER)),
                new Publication(NotificationEvent.INVOICE_ISSUED, dedup + "-issued", List.of(usual, mailOnly),
                        NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED)));
        String alone = dedup + "-alone";
        transaction.executeWithoutResult(s -> {
            notifications.publishAll(batch);
            batch.forEach(p -> notifications.publish(p.event(), p.dedupKey().replace(dedup, alone), p.recipients(),
                    p.variables()));
        });

        String rows = "select substr(dedup_key, length(?) + 1) || ' ' || channel || ' ' || recipients || ' ' "
                + "|| subject || ' ' || text_body || ' ' || coalesce(html_body, '') || ' ' || coalesce(variables, '') "
                + "from notification_message where dedup_key like ? order by 1";
        List<String> batched = jdbc.queryForList(rows, String.class, dedup, dedup + "-%");
        batched.removeIf(row -> row.startsWith("-alone"));
        assertThat(batched).containsExactly(jdbc.queryForList(rows, String.class, alone, alone + "%").toArray(String[]::new));
        assertThat(batched).extracting(row -> row.substring(0, row.indexOf(' ', row.indexOf(' ') + 1))).containsExactly(
                "-issued:buyer:" + dedup + ":EMAIL EMAIL",
                "-issued:partner:" + dedup + "-usual:ALIMTALK ALIMTALK",
                "-issued:partner:" + dedup + "-usual:EMAIL EMAIL",
                "-reminder:partner:" + dedup + "-sms:SMS SMS",
                "-reminder:partner:" + dedup + "-usual:EMAIL EMAIL");

        transaction.executeWithoutResult(s -> notifications.publishAll(batch));
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                dedup + "-%")).as("published again: nothing new").isEqualTo(10);
    }

    @Test
    void nothingIsQueuedWhenTheBusinessChangeRollsBack() {
        String dedup = key("rollback");
        Recipient partner = new Recipient("partner:" + dedup, "(주)롤백", "r@" + dedup + ".kr", List.of(), "010-4567-8901");
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            notifications.publish(NotificationEvent.INVOICE_ISSUED, dedup, List.of(partner),
                    NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED));
            throw new IllegalStateException("issue failed");
        })).hasMessage("issue failed");
        assertThat(jdbc.queryForObject("select count(*) from notification_message where dedup_key like ?", Integer.class,
                dedup + "%")).isZero();
        assertThatThrownBy(() -> notifications.publish(NotificationEvent.INVOICE_ISSUED, dedup, List.of(partner),
                NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED)))
                .as("outside a transaction nothing is queued").isInstanceOf(RuntimeException.class);
    }

    @Test
    void theIssuedNoticeCarriesTheInvoicePdf() throws Exception {
        TestHttp http = new TestHttp(port);
        long invoiceId = new io.billflow.invoice.InvoiceFixtures(http).draft("PDF-" + System.nanoTime() % 1_000_000);
        String dedup = key("issued-pdf");
        String to = "pdf@" + dedup + ".kr";
        Recipient buyer = new Recipient("user:" + dedup, "구매 담당", to, List.of(), null);
        transaction.executeWithoutResult(s -> notifications.publish(NotificationEvent.INVOICE_ISSUED, dedup,
                List.of(buyer), NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED),
                List.of(new io.billflow.notification.api.AttachmentRef("invoice-pdf", String.valueOf(invoiceId)))));
        await().atMost(Duration.ofSeconds(15)).until(() -> java.util.Arrays.stream(greenMail.getReceivedMessages())
                .anyMatch(m -> recipientIs(m, to)));
        jakarta.mail.internet.MimeMessage mail = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipientIs(m, to)).findFirst().orElseThrow();
        String raw = new String(mail.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail)).contains("application/pdf");
        assertThat(raw).isNotEmpty();
    }

    private static boolean recipientIs(jakarta.mail.internet.MimeMessage message, String to) {
        try {
            return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTemplateListShowsEveryMessage() {
        String body = new TestHttp(port).getBasic("/api/notification-templates", "operator", "operator").body();
        for (NotificationEvent event : NotificationEvent.values()) {
            assertThat(body).contains("\"event\":\"" + event.name() + "\"");
        }
        assertThat(body).contains("\"alimTalkTemplate\":\"BF_INVOICE_ISSUE_REQUESTED\",\"alimTalkState\":\"APPROVED\"");
    }
}
