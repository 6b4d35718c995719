package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TextMessagingSimulatorTest {

    final TextMessagingSimulator simulator = new TextMessagingSimulator(Duration.ZERO, Duration.ZERO, 0,
            Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void anOrdinaryNumberIsDeliveredAndCharged() {
        TextSendResult result = simulator.send(sms("010-1234-5678", "k1"));
        assertThat(result.status()).isEqualTo(TextSendStatus.DELIVERED);
        assertThat(result.charged()).isTrue();
        assertThat(result.providerMessageId()).isEqualTo("SIM-1");
        assertThat(simulator.messagesTo("01012345678")).hasSize(1);
    }

    @Test
    void unassignedNumberFailsAsNoSuchSubscriber() {
        TextSendResult result = simulator.send(sms("010-0000-1234", "k1"));
        assertThat(result.status()).isEqualTo(TextSendStatus.FAILED);
        assertThat(result.failureCode()).isEqualTo("NO_SUBSCRIBER");
        assertThat(result.failureReason()).contains("결번");
        assertThat(result.charged()).isFalse();
    }

    @Test
    void resultTimeoutIsFailedAndNotCharged() {
        TextSendResult result = simulator.send(sms("010-5555-9999", "k1"));
        assertThat(result.status()).isEqualTo(TextSendStatus.FAILED);
        assertThat(result.failureCode()).isEqualTo("RESULT_TIMEOUT");
        assertThat(result.charged()).isFalse();
    }

    @Test
    void alimTalkToANonKakaoUserFailsButAnSmsToTheSameNumberIsDelivered() {
        TextMessage alimTalk = new TextMessage(TextChannel.ALIMTALK, "02-1234-5678", "010-2222-0000", null,
                "발행 완료", "T1", "a1", false);
        assertThat(simulator.send(alimTalk).failureCode()).isEqualTo("KAKAO_NOT_USER");
        assertThat(simulator.send(sms("010-2222-0000", "s1")).status()).isEqualTo(TextSendStatus.DELIVERED);
    }

    @Test
    void sameIdempotencyKeyTwiceSendsOneMessageAndReturnsTheFirstResult() {
        TextSendResult first = simulator.send(sms("010-1234-5678", "same"));
        TextSendResult second = simulator.send(sms("010-1234-5678", "same"));
        assertThat(second).isEqualTo(first);
        assertThat(simulator.messages()).hasSize(1);
    }

    @Test
    void failureRateOneFailsEverything() {
        TextMessagingSimulator failing = new TextMessagingSimulator(Duration.ZERO, Duration.ZERO, 1.0, Clock.systemUTC());
        assertThat(failing.send(sms("010-1234-5678", "k1")).failureCode()).isEqualTo("CARRIER_ERROR");
    }

    @Test
    void latencyIsSimulated() {
        TextMessagingSimulator slow = new TextMessagingSimulator(Duration.ofMillis(20), Duration.ofMillis(30), 0,
                Clock.systemUTC());
        long start = System.nanoTime();
        slow.send(sms("010-1234-5678", "k1"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void likeARealProviderItAcceptsFirstAndReportsTheOutcomeLater() {
        io.billflow.MovableClock clock = new io.billflow.MovableClock(ZoneOffset.UTC);
        TextMessagingSimulator reporting = new TextMessagingSimulator(Duration.ZERO, Duration.ZERO, 0,
                Duration.ofSeconds(30), clock);
        TextSendResult good = reporting.send(sms("010-1234-5678", "k1"));
        TextSendResult unassigned = reporting.send(sms("010-0000-1234", "k2"));
        assertThat(good.status()).isEqualTo(TextSendStatus.ACCEPTED);
        assertThat(good.charged()).as("not billed before it arrives").isFalse();
        assertThat(unassigned.status()).as("a 결번 is only found out by the carrier").isEqualTo(TextSendStatus.ACCEPTED);
        assertThat(reporting.deliveryReport(good.providerMessageId())).hasValue(good);

        clock.advance(Duration.ofSeconds(30));
        assertThat(reporting.deliveryReport(good.providerMessageId()).orElseThrow().status())
                .isEqualTo(TextSendStatus.DELIVERED);
        assertThat(reporting.deliveryReport(unassigned.providerMessageId()).orElseThrow().failureCode())
                .isEqualTo("NO_SUBSCRIBER");
        assertThat(reporting.deliveryReport("SIM-404")).as("an id it never gave").isEmpty();
        assertThat(reporting.send(sms("010-1234-5678", "k1"))).as("the same key: the first answer").isEqualTo(good);
        assertThat(reporting.messages()).hasSize(2);
    }

    @Test
    void withoutADelayTheOutcomeIsTheAnswerAndAlsoItsReport() {
        TextSendResult result = simulator.send(sms("010-1234-5678", "k9"));
        assertThat(simulator.deliveryReport(result.providerMessageId())).hasValue(result);
    }

    static TextMessage sms(String to, String key) {
        return new TextMessage(TextChannel.SMS, "02-1234-5678", to, null, "[billflow] 세금계산서가 발행되었습니다.",
                null, key, false);
    }
}
