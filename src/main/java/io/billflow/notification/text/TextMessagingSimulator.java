package io.billflow.notification.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of an SMS/LMS/AlimTalk provider; the default ({@code billflow.text.provider} unset or
 * {@code simulator}). Sends nothing: it records every message in memory and answers like a provider would,
 * after a realistic 20–80 ms:
 * <ul>
 *   <li>{@code 010-0000-xxxx}: FAILED {@code NO_SUBSCRIBER} (결번; 010-0YYY is an unassigned range);</li>
 *   <li>numbers ending in {@code 9999}: no delivery report within the provider's window (SMS ~24 h,
 *   LMS ~72 h), reported at once as FAILED {@code RESULT_TIMEOUT}, not charged;</li>
 *   <li>AlimTalk to numbers ending in {@code 0000}: FAILED {@code KAKAO_NOT_USER}, so that the 대체문자
 *   fallback can be tried;</li>
 *   <li>a configurable share of the rest: FAILED {@code CARRIER_ERROR}; everything else DELIVERED, charged.</li>
 * </ul>
 * The same idempotency key sent twice returns the first result and records no second message.
 */
@Component
@ConditionalOnProperty(prefix = "billflow.text", name = "provider", havingValue = "simulator", matchIfMissing = true)
public class TextMessagingSimulator implements TextMessagingPort {

    /** A message the simulator "sent", with its answer. */
    public record SimulatedText(long sequence, Instant at, TextMessage message, TextSendResult result) {
    }

    private final Duration minLatency;
    private final Duration maxLatency;
    private final double failureRate;
    private final Clock clock;
    private final List<SimulatedText> sent = new ArrayList<>();
    private final Map<String, TextSendResult> byIdempotencyKey = new HashMap<>();

    @Autowired
    public TextMessagingSimulator(TextMessagingProperties properties, Clock clock) {
        this(properties.simulator().minLatency(), properties.simulator().maxLatency(),
                properties.simulator().failureRate(), clock);
    }

    /** For unit tests: no Spring, chosen latency and failure rate. */
    public TextMessagingSimulator(Duration minLatency, Duration maxLatency, double failureRate, Clock clock) {
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("billflow.text.simulator.failure-rate must be between 0 and 1");
        }
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.failureRate = failureRate;
        this.clock = clock;
    }

    @Override
    public synchronized TextSendResult send(TextMessage message) {
        TextSendResult earlier = byIdempotencyKey.get(message.idempotencyKey());
        if (earlier != null) {
            return earlier;
        }
        pause();
        long sequence = sent.size() + 1L;
        TextSendResult result = answer(message, "SIM-" + sequence);
        sent.add(new SimulatedText(sequence, clock.instant(), message, result));
        byIdempotencyKey.put(message.idempotencyKey(), result);
        return result;
    }

    /** Every message recorded so far, oldest first. */
    public synchronized List<SimulatedText> messages() {
        return List.copyOf(sent);
    }

    /** The messages sent to one recipient (hyphens ignored), oldest first. */
    public synchronized List<SimulatedText> messagesTo(String mobile) {
        String digits = TextMessage.digits(mobile);
        return sent.stream().filter(t -> t.message().toDigits().equals(digits)).toList();
    }

    private TextSendResult answer(TextMessage message, String id) {
        String to = message.toDigits();
        if (to.startsWith("0100000")) {
            return TextSendResult.failed(id, "NO_SUBSCRIBER", "결번: no such subscriber (" + message.to() + ")");
        }
        if (to.endsWith("9999")) {
            return TextSendResult.failed(id, "RESULT_TIMEOUT", "no delivery report from the carrier within the "
                    + (message.channel() == TextChannel.SMS ? "24-hour" : "72-hour") + " window; final, not charged");
        }
        if (message.channel() == TextChannel.ALIMTALK && to.endsWith("0000")) {
            return TextSendResult.failed(id, "KAKAO_NOT_USER", "카카오톡 미사용자: the recipient is not a KakaoTalk user");
        }
        if (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate) {
            return TextSendResult.failed(id, "CARRIER_ERROR", "통신 및 단말기 문제: the carrier could not deliver");
        }
        return TextSendResult.delivered(id);
    }

    private void pause() {
        long min = minLatency.toMillis();
        long max = Math.max(min, maxLatency.toMillis());
        long millis = min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
