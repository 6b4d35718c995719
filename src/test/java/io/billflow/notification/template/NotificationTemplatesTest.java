package io.billflow.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.notification.api.NotificationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Renders every event with its sample variables; plain JUnit, the same engine the bean builds. */
class NotificationTemplatesTest {

    private static final NotificationTemplates TEMPLATES = new NotificationTemplates();
    private static final KoreanFormats FMT = new KoreanFormats();
    private static final Pattern HTML_TAG = Pattern.compile("<[a-zA-Z/!][^>]*>");
    /** SMS is 90 bytes (45 Hangul); the first line should say what happened within one SMS. */
    private static final int SMS_BYTES = 90;

    /** The word a recipient must see in the subject to know what the mail is about. */
    private static final Map<NotificationEvent, String> SUBJECT_NOUN = new EnumMap<>(Map.ofEntries(
            Map.entry(NotificationEvent.PARTNER_NTS_LINKED, "국세청 연동"),
            Map.entry(NotificationEvent.PORTAL_INVITATION, "공급자 포털"),
            Map.entry(NotificationEvent.PARTNER_CONTACT_CHANGE_PENDING, "연락처 변경"),
            Map.entry(NotificationEvent.INVOICE_ISSUE_REQUESTED, "발급 요청"),
            Map.entry(NotificationEvent.INVOICE_REMINDER, "전자세금계산서"),
            Map.entry(NotificationEvent.INVOICE_DEADLINE_WARNING, "발급기한"),
            Map.entry(NotificationEvent.INVOICE_REJECTED, "거부"),
            Map.entry(NotificationEvent.INVOICE_REQUEST_CANCELLED, "발급 요청 취소"),
            Map.entry(NotificationEvent.INVOICE_ISSUED, "발급되었습니다"),
            Map.entry(NotificationEvent.INVOICE_ISSUE_CANCELLED, "발급 취소"),
            Map.entry(NotificationEvent.INVOICE_TRANSMITTED, "국세청 전송 완료"),
            Map.entry(NotificationEvent.INVOICE_TRANSMISSION_FAILED, "전송 실패"),
            Map.entry(NotificationEvent.CERTIFICATE_EXPIRING, "공동인증서"),
            Map.entry(NotificationEvent.SETTLEMENT_REPORT_PUBLISHED, "정산 리포트"),
            Map.entry(NotificationEvent.SETTLEMENT_REVERSE_ISSUANCE_REQUESTED, "역발행 신청"),
            Map.entry(NotificationEvent.PAYOUT_ACCOUNT_CHANGED, "지급계좌"),
            Map.entry(NotificationEvent.PAYOUT_SCHEDULED, "지급 예정"),
            Map.entry(NotificationEvent.PAYOUT_COMPLETED, "지급이 완료"),
            Map.entry(NotificationEvent.PAYOUT_FAILED, "지급에 실패"),
            Map.entry(NotificationEvent.SETTLEMENT_DEADLINE_APPROACHING, "기한"),
            Map.entry(NotificationEvent.VERIFICATION_CODE, "인증번호")));

    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void mailShowsEveryVariableFormatted(NotificationEvent event) {
        Map<String, Object> variables = NotificationTemplates.sampleVariables(event);

        RenderedMail mail = TEMPLATES.renderMail(event, variables);

        assertThat(mail.subject()).startsWith("[billflow] ").contains(SUBJECT_NOUN.get(event)).doesNotContain("\n");
        variables.forEach((name, value) -> {
            if (value instanceof Boolean) {
                return; // a switch between wordings (tested on its own), not a value to show
            }
            assertThat(mail.html()).as("HTML shows %s", name).contains(escapeHtml(shown(name, value)));
            assertThat(mail.text()).as("text shows %s", name).contains(shown(name, value));
        });
        assertThat(mail.html()).contains("billflow", "발신전용", "<table", "style=\"");
        assertThat(mail.text()).doesNotContainPattern(HTML_TAG).contains("발신전용");
        assertResolved(mail.subject(), mail.text(), mail.html());
    }

    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void smsFitsAnLmsAndSaysTheCoreInOneSms(NotificationEvent event) {
        String sms = TEMPLATES.renderText(event, NotificationTemplates.sampleVariables(event));

        assertThat(sms).startsWith("[billflow] ").doesNotContainPattern(HTML_TAG);
        assertThat(NotificationTemplates.EUC_KR.newEncoder().canEncode(sms)).as("EUC-KR can carry: %s", sms).isTrue();
        assertThat(sms.getBytes(NotificationTemplates.EUC_KR).length).isLessThanOrEqualTo(NotificationTemplates.MAX_TEXT_BYTES);
        String coreLine = sms.lines().findFirst().orElseThrow();
        assertThat(coreLine.getBytes(NotificationTemplates.EUC_KR).length).as("first line: %s", coreLine)
                .isLessThanOrEqualTo(SMS_BYTES);
        assertResolved(sms);
    }

    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void htmlEscapesEveryTextVariable(NotificationEvent event) {
        Map<String, Object> variables = new HashMap<>(NotificationTemplates.sampleVariables(event));
        variables.replaceAll((name, value) -> value instanceof String text ? "<script>alert(1)</script>" + text : value);

        RenderedMail mail = TEMPLATES.renderMail(event, variables);

        assertThat(mail.html()).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void missingOrNullVariableFailsNamingIt() {
        Map<String, Object> variables = new HashMap<>(NotificationTemplates.sampleVariables(NotificationEvent.INVOICE_ISSUED));
        variables.remove("approvalNumber");
        variables.put("totalAmount", null);

        assertThatThrownBy(() -> TEMPLATES.renderMail(NotificationEvent.INVOICE_ISSUED, variables))
                .isInstanceOf(MissingTemplateVariableException.class)
                .hasMessageContaining("approvalNumber").hasMessageContaining("totalAmount");
        assertThatThrownBy(() -> TEMPLATES.renderText(NotificationEvent.INVOICE_ISSUED, variables))
                .isInstanceOf(MissingTemplateVariableException.class);
    }

    @Test
    void anIndividualsPublicationNoticeTalksOfWithholdingNotOfAnInvoice() {
        Map<String, Object> variables = new HashMap<>(
                NotificationTemplates.sampleVariables(NotificationEvent.SETTLEMENT_REPORT_PUBLISHED));
        variables.put("individual", true);
        var individual = TEMPLATES.renderMail(NotificationEvent.SETTLEMENT_REPORT_PUBLISHED, variables);
        assertThat(individual.text()).contains("원천징수", "합계금액").doesNotContain("역발행", "세액", "공급가액");
        assertThat(individual.html()).contains("원천징수").doesNotContain("역발행", "공급가액");
        variables.put("individual", false);
        var business = TEMPLATES.renderMail(NotificationEvent.SETTLEMENT_REPORT_PUBLISHED, variables);
        assertThat(business.text()).contains("역발행", "공급가액", "세액").doesNotContain("원천징수");
        assertThat(business.html()).contains("역발행", "공급가액").doesNotContain("원천징수");
    }

    @Test
    void smsLongerThanAnLmsIsRefused() {
        Map<String, Object> variables = new HashMap<>(NotificationTemplates.sampleVariables(NotificationEvent.PAYOUT_FAILED));
        variables.put("reason", "가".repeat(1000));

        assertThatThrownBy(() -> TEMPLATES.renderText(NotificationEvent.PAYOUT_FAILED, variables))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000");
    }

    /** The sample variables are the contract: templates read exactly those names, no more, no fewer. */
    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void templatesReadExactlyTheDeclaredVariables(NotificationEvent event) throws IOException {
        Set<String> read = new LinkedHashSet<>();
        for (String file : new String[] {"mail/%s.txt", "mail/%s.html", "text/%s.txt"}) {
            read.addAll(variablesReadBy(resource(file.formatted(event.templateName()))));
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(NotificationTemplates.requiredVariables(event));
    }

    @Test
    void formatsAsKoreanInvoicesWriteThem() {
        assertThat(FMT.won(1_320_000L)).isEqualTo("1,320,000원");
        assertThat(FMT.won(-50_000L)).isEqualTo("-50,000원");
        assertThat(FMT.date(LocalDate.of(2026, 10, 31))).isEqualTo("2026년 10월 31일");
        assertThat(FMT.date(Instant.parse("2026-10-31T15:30:00Z"))).as("Seoul, not UTC").isEqualTo("2026년 11월 1일");
        assertThat(FMT.dateTime(Instant.parse("2026-10-31T05:05:00Z"))).isEqualTo("2026년 10월 31일 14:05");
        assertThat(FMT.month(YearMonth.of(2026, 10))).isEqualTo("2026년 10월");
        assertThat(FMT.monthDay(LocalDate.of(2026, 11, 10))).isEqualTo("11월 10일");
        assertThat(FMT.corpNum("2208162517")).isEqualTo("220-81-62517");
        assertThat(FMT.approvalNumber("202611024100000012345678")).isEqualTo("20261102-41000000-12345678");
        assertThatThrownBy(() -> FMT.won(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FMT.date("2026-10-31")).isInstanceOf(IllegalArgumentException.class);
    }

    /** How a sample value must appear in the message. */
    private static String shown(String name, Object value) {
        if (value instanceof Long amount) {
            return FMT.won(amount);
        }
        if (value instanceof LocalDate || value instanceof YearMonth) {
            return value instanceof YearMonth ? FMT.month(value) : FMT.date(value);
        }
        if (value instanceof Instant) {
            return FMT.dateTime(value);
        }
        return switch (name) {
            case "corpNum" -> FMT.corpNum(value);
            case "approvalNumber" -> FMT.approvalNumber(value);
            default -> String.valueOf(value);
        };
    }

    private static void assertResolved(String... rendered) {
        for (String text : rendered) {
            assertThat(text).doesNotContain("${", "[[", "[(", "null", "#fmt").doesNotContainPattern("\\sth:[a-z]+=");
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Identifiers inside ${...}, minus quoted text, #utility objects, methods, properties and keywords. */
    private static Set<String> variablesReadBy(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(template);
        while (expression.find()) {
            String code = expression.group(1).replaceAll("'[^']*'", "''");
            Matcher identifier = Pattern.compile("(?<![#.\\w])([A-Za-z_]\\w*)(?![\\w(])").matcher(code);
            while (identifier.find()) {
                names.add(identifier.group(1));
            }
        }
        names.removeAll(Set.of("and", "or", "not", "null", "true", "false", "subject"));
        return names;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NotificationTemplatesTest.class.getClassLoader()
                .getResourceAsStream(NotificationTemplateEngine.PREFIX + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
