package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sending rules, with the simulator as provider and a fixed clock (the host runs in UTC in tests). */
class TextMessageSenderTest {

    static final String SENDER = "02-1234-5678";
    static final String ISSUED = "[billflow] #{상호} 세금계산서가 발행되었습니다. 합계 #{금액}원";

    final TextMessagingSimulator provider = new TextMessagingSimulator(Duration.ZERO, Duration.ZERO, 0, Clock.systemUTC());
    final InMemoryAlimTalkTemplates templates = new InMemoryAlimTalkTemplates()
            .with("ISSUED", "세금계산서 발행 완료", ISSUED, AlimTalkTemplateState.APPROVED)
            .with("LONG", "장문 안내", "#{상호} " + "안내 ".repeat(40), AlimTalkTemplateState.APPROVED)
            .with("REMINDER", "재안내", "#{상호} 재안내", AlimTalkTemplateState.SAVED)
            .with("PENDING", "심사중", "#{상호} 심사중", AlimTalkTemplateState.REQUESTED);

    TextMessageSender senderAt(String seoulTime) {
        Instant instant = LocalDateTime.parse(seoulTime).atZone(ZoneId.of("Asia/Seoul")).toInstant();
        TextMessagingProperties properties = new TextMessagingProperties("simulator", List.of(SENDER, "1588-0000"),
                null, null, null, new TextMessagingProperties.Simulator(Duration.ZERO, Duration.ZERO, 0, Duration.ZERO),
                new TextMessagingProperties.DeliveryReports(Duration.ofMinutes(1), Duration.ofHours(24),
                        Duration.ofHours(72), Duration.ofHours(24)));
        return new TextMessageSender(provider, new AlimTalkTemplateService(templates, Clock.systemUTC()), properties,
                Clock.fixed(instant, ZoneId.of("UTC")));
    }

    final TextMessageSender sender = senderAt("2026-03-02T10:00");

    @Test
    void shortTextGoesAsSmsLongAsLmsWithSubject() {
        TextSendReport sms = sender.send(TextRequest.text(SENDER, "010-1234-5678", "제목", "가".repeat(45), "k1", false));
        assertThat(sms.primary().message().channel()).isEqualTo(TextChannel.SMS);
        assertThat(sms.primary().message().subject()).isNull();
        TextSendReport lms = sender.send(TextRequest.text(SENDER, "010-1234-5678", "제목", "가".repeat(46), "k2", false));
        assertThat(lms.primary().message().channel()).isEqualTo(TextChannel.LMS);
        assertThat(lms.primary().message().subject()).isEqualTo("제목");
        assertThat(lms.finalResult().status()).isEqualTo(TextSendStatus.DELIVERED);
    }

    @Test
    void tooLongOrEmojiTextIsRefusedBeforeSending() {
        assertThatThrownBy(() -> sender.send(TextRequest.text(SENDER, "010-1234-5678", null, "a".repeat(2_001), "k1", false)))
                .isInstanceOf(TextRefusedException.class).hasMessageContaining("2001 bytes");
        assertThatThrownBy(() -> sender.send(TextRequest.text(SENDER, "010-1234-5678", null, "발행 🎉", "k2", false)))
                .isInstanceOf(TextRefusedException.class).hasMessageContaining("🎉");
        assertThat(provider.messages()).isEmpty();
    }

    @Test
    void unregisteredSenderIsRefused() {
        assertThatThrownBy(() -> sender.send(TextRequest.text("02-9999-0000", "010-1234-5678", null, "안내", "k1", false)))
                .isInstanceOf(TextRefusedException.class)
                .satisfies(e -> assertThat(((TextRefusedException) e).reason())
                        .isEqualTo(TextRefusedException.Reason.UNREGISTERED_SENDER));
        assertThat(provider.messages()).isEmpty();
    }

    @Test
    void registeredSenderMatchesWithOrWithoutHyphens() {
        assertThat(sender.send(TextRequest.text("021234-5678", "010-1234-5678", null, "안내", "k1", false))
                .finalResult().status()).isEqualTo(TextSendStatus.DELIVERED);
        assertThat(sender.send(TextRequest.text("15880000", "010-1234-5678", null, "안내", "k2", false))
                .finalResult().status()).isEqualTo(TextSendStatus.DELIVERED);
    }

    @ParameterizedTest(name = "advertising at {0} Seoul time allowed: {1}")
    @CsvSource({"2026-03-02T20:59:59, true", "2026-03-02T21:00, false", "2026-03-02T23:30, false",
            "2026-03-03T00:00, false", "2026-03-03T07:59:59, false", "2026-03-03T08:00, true", "2026-03-02T12:00, true"})
    void advertisingIsRefusedAtNight(String seoulTime, boolean allowed) {
        TextRequest ad = TextRequest.text(SENDER, "010-1234-5678", null, "(광고) 3월 정산 수수료 할인 무료거부 080-123-1234",
                "ad-" + seoulTime, true);
        if (allowed) {
            assertThat(senderAt(seoulTime).send(ad).finalResult().status()).isEqualTo(TextSendStatus.DELIVERED);
        } else {
            assertThatThrownBy(() -> senderAt(seoulTime).send(ad)).isInstanceOf(TextRefusedException.class)
                    .satisfies(e -> {
                        TextRefusedException refused = (TextRefusedException) e;
                        assertThat(refused.reason()).isEqualTo(TextRefusedException.Reason.ADVERTISING_AT_NIGHT);
                        // may go out at the next 08:00 Seoul time
                        assertThat(refused.notBefore().atZone(ZoneId.of("Asia/Seoul")).toLocalTime())
                                .hasToString("08:00");
                        assertThat(refused.notBefore()).isAfter(LocalDateTime.parse(seoulTime)
                                .atZone(ZoneId.of("Asia/Seoul")).toInstant());
                    });
        }
    }

    @ParameterizedTest
    @CsvSource({"2026-03-02T21:00", "2026-03-03T03:00", "2026-03-03T07:59:59"})
    void transactionalMessagesGoAtAnyHour(String seoulTime) {
        TextSendReport report = senderAt(seoulTime).send(
                TextRequest.text(SENDER, "010-1234-5678", null, "세금계산서가 발행되었습니다", "tx-" + seoulTime, false));
        assertThat(report.finalResult().status()).isEqualTo(TextSendStatus.DELIVERED);
    }

    @Test
    void advertisingNeedsTheLabel() {
        assertThatThrownBy(() -> sender.send(TextRequest.text(SENDER, "010-1234-5678", null, "수수료 할인", "k1", true)))
                .isInstanceOf(TextRefusedException.class).hasMessageContaining("(광고)");
    }

    @Test
    void alimTalkWithApprovedTemplateIsRenderedAndSent() {
        TextSendReport report = sender.send(TextRequest.alimTalk(SENDER, "010-1234-5678", "ISSUED",
                Map.of("상호", "(주)한빛", "금액", "1,100,000"), "inv-1"));
        assertThat(report.fellBack()).isFalse();
        assertThat(report.primary().message().channel()).isEqualTo(TextChannel.ALIMTALK);
        assertThat(report.primary().message().text())
                .isEqualTo("[billflow] (주)한빛 세금계산서가 발행되었습니다. 합계 1,100,000원");
        assertThat(report.finalResult().status()).isEqualTo(TextSendStatus.DELIVERED);
    }

    @Test
    void alimTalkWithUnapprovedTemplateIsRefused() {
        for (String code : List.of("REMINDER", "PENDING", "NO_SUCH_TEMPLATE")) {
            assertThatThrownBy(() -> sender.send(TextRequest.alimTalk(SENDER, "010-1234-5678", code,
                    Map.of("상호", "(주)한빛"), "k-" + code))).isInstanceOf(TextRefusedException.class)
                    .satisfies(e -> assertThat(((TextRefusedException) e).reason())
                            .isEqualTo(TextRefusedException.Reason.TEMPLATE_NOT_APPROVED));
        }
        assertThat(provider.messages()).isEmpty();
    }

    @Test
    void alimTalkWithAMissingVariableIsRefused() {
        assertThatThrownBy(() -> sender.send(TextRequest.alimTalk(SENDER, "010-1234-5678", "ISSUED",
                Map.of("상호", "(주)한빛"), "k1"))).isInstanceOf(TextRefusedException.class)
                .hasMessageContaining("금액")
                .satisfies(e -> assertThat(((TextRefusedException) e).reason())
                        .isEqualTo(TextRefusedException.Reason.MISSING_VARIABLE));
        assertThat(provider.messages()).isEmpty();
    }

    @Test
    void failedAlimTalkFallsBackToSmsOnceWithItsOwnKey() {
        TextRequest request = TextRequest.alimTalk(SENDER, "010-2222-0000", "ISSUED",
                Map.of("상호", "(주)한빛", "금액", "1,100,000"), "inv-1");
        TextSendReport report = sender.send(request);

        assertThat(report.primary().result().failureCode()).isEqualTo("KAKAO_NOT_USER");
        assertThat(report.fellBack()).isTrue();
        TextMessage fallback = report.fallback().message();
        assertThat(fallback.channel()).isEqualTo(TextChannel.SMS);
        assertThat(fallback.text()).isEqualTo(report.primary().message().text());
        assertThat(fallback.idempotencyKey()).isEqualTo("inv-1:fallback");
        assertThat(report.finalResult().status()).isEqualTo(TextSendStatus.DELIVERED);

        // the outbox retries the same request: nothing new goes out
        TextSendReport again = sender.send(request);
        assertThat(again.finalResult()).isEqualTo(report.finalResult());
        assertThat(provider.messagesTo("010-2222-0000")).extracting(t -> t.message().channel())
                .containsExactly(TextChannel.ALIMTALK, TextChannel.SMS);
    }

    @Test
    void anAlimTalkReportedFailedLaterGetsTheSameFallbackOnce() {
        TextRequest request = TextRequest.alimTalk(SENDER, "010-3333-0000", "ISSUED",
                Map.of("상호", "(주)한빛", "금액", "1,100,000"), "inv-2");
        TextSendReport.Delivery fallback = sender.fallbackAfterReport(request);
        assertThat(fallback.message().channel()).isEqualTo(TextChannel.SMS);
        assertThat(fallback.message().idempotencyKey()).as("the key the immediate fallback uses").isEqualTo("inv-2:fallback");
        assertThat(fallback.message().text()).contains("(주)한빛", "1,100,000");
        assertThat(sender.fallbackAfterReport(request).result()).isEqualTo(fallback.result());
        assertThat(provider.messagesTo("010-3333-0000")).hasSize(1);
        assertThatThrownBy(() -> sender.fallbackAfterReport(TextRequest.text(SENDER, "010-3333-0000", null, "문자",
                "sms-1", false))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longAlimTalkFallsBackToLmsWithTheTemplateTitleAsSubject() {
        TextSendReport report = sender.send(TextRequest.alimTalk(SENDER, "010-3333-0000", "LONG",
                Map.of("상호", "(주)한빛"), "long-1"));
        assertThat(report.fallback().message().channel()).isEqualTo(TextChannel.LMS);
        assertThat(report.fallback().message().subject()).isEqualTo("장문 안내");
    }

    @Test
    void fallbackThatCannotBeEncodedIsReportedNotSent() {
        TextSendReport report = sender.send(TextRequest.alimTalk(SENDER, "010-3333-0000", "ISSUED",
                Map.of("상호", "(주)한빛 🎉", "금액", "1,000"), "emoji-1"));
        assertThat(report.fallback().message()).isNull();
        assertThat(report.fallback().result().failureCode()).isEqualTo("FALLBACK_NOT_SENDABLE");
        assertThat(report.fallback().result().failureReason()).contains("🎉");
        assertThat(provider.messages()).hasSize(1);
    }

    @Test
    void resultTimeoutIsFailedAndNotCharged() {
        TextSendReport report = sender.send(TextRequest.text(SENDER, "010-1234-9999", null, "안내", "k1", false));
        assertThat(report.finalResult().status()).isEqualTo(TextSendStatus.FAILED);
        assertThat(report.finalResult().failureCode()).isEqualTo("RESULT_TIMEOUT");
        assertThat(report.finalResult().charged()).isFalse();
    }

    @Test
    void reusedIdempotencyKeySendsOneMessage() {
        TextRequest request = TextRequest.text(SENDER, "010-1234-5678", null, "발행 안내", "outbox-17", false);
        sender.send(request);
        sender.send(request);
        assertThat(provider.messages()).hasSize(1);
    }
}
