package io.billflow.notification.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>
 * With a {@code report-delay} (the default outside unit tests) it answers like SOLAPI does: every message is
 * only ACCEPTED at first, and the outcome above becomes its delivery report ({@link #deliveryReport}) once the
 * delay has passed (the hours a carrier may take, compressed). With no delay the outcome is the answer itself.
 */
@Component
@ConditionalOnProperty(prefix = "billflow.text", name = "provider", havingValue = "simulator", matchIfMissing = true)
public class TextMessagingSimulator implements TextMessagingPort {

    /**
     * A message the simulator "sent": its answer at once, and its outcome (the delivery report), known from
     * {@code reportAt} on.
     */
    public record SimulatedText(long sequence, Instant at, TextMessage message, TextSendResult result,
                                TextSendResult outcome, Instant reportAt) {
    }

    private final Duration minLatency;
    private final Duration maxLatency;
    private final double failureRate;
    private final Duration reportDelay;
    private final Clock clock;
    private final List<SimulatedText> sent = new ArrayList<>();
    private final Map<String, TextSendResult> byIdempotencyKey = new HashMap<>();
    private final Map<String, SimulatedText> byProviderId = new HashMap<>();

    @Autowired
    public TextMessagingSimulator(TextMessagingProperties properties, Clock clock) {
        this(properties.simulator().minLatency(), properties.simulator().maxLatency(),
                properties.simulator().failureRate(), properties.simulator().reportDelay(), clock);
    }

    /** For unit tests: no Spring, chosen latency and failure rate; outcomes answered at once. */
    public TextMessagingSimulator(Duration minLatency, Duration maxLatency, double failureRate, Clock clock) {
        this(minLatency, maxLatency, failureRate, Duration.ZERO, clock);
    }

    /** For unit tests: outcomes reported {@code reportDelay} after the message was accepted. */
    public TextMessagingSimulator(Duration minLatency, Duration maxLatency, double failureRate, Duration reportDelay,
                                  Clock clock) {
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("billflow.text.simulator.failure-rate must be between 0 and 1");
        }
        if (reportDelay == null || reportDelay.isNegative()) {
            throw new IllegalArgumentException("billflow.text.simulator.report-delay must be zero or positive");
        }
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.failureRate = failureRate;
        this.reportDelay = reportDelay;
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
        String id = "SIM-" + sequence;
        TextSendResult outcome = answer(message, id);
        Instant now = clock.instant();
        TextSendResult result = reportDelay.isZero() ? outcome : TextSendResult.accepted(id);
        SimulatedText text = new SimulatedText(sequence, now, message, result, outcome, now.plus(reportDelay));
        sent.add(text);
        byProviderId.put(id, text);
        byIdempotencyKey.put(message.idempotencyKey(), result);
        return result;
    }

    /** ACCEPTED until the report delay has passed, then the outcome; empty for an id this simulator never gave. */
    @Override
    public synchronized Optional<TextSendResult> deliveryReport(String providerMessageId) {
        SimulatedText text = byProviderId.get(providerMessageId);
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(clock.instant().isBefore(text.reportAt()) ? text.result() : text.outcome());
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
