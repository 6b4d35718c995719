package io.billflow.partner.adapter.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.billflow.partner.api.BusinessNumber;
import io.billflow.partner.application.BusinessStatusPort;
import io.billflow.partner.domain.BusinessState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the NTS business status service (휴폐업 조회). Knows a configurable list of closed and
 * suspended numbers, answers everything else as active, takes a realistic 30–120 ms, and can be told
 * to be unavailable. Replace with a real adapter behind {@link BusinessStatusPort}.
 */
@Component
public class BusinessStatusSimulator implements BusinessStatusPort {

    private final Set<String> closed;
    private final Set<String> suspended;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final Clock clock;
    private volatile boolean available = true;

    public BusinessStatusSimulator(
            @Value("${billflow.simulator.business-status.closed-numbers:}") Set<String> closed,
            @Value("${billflow.simulator.business-status.suspended-numbers:}") Set<String> suspended,
            @Value("${billflow.simulator.business-status.min-latency:PT0.03S}") Duration minLatency,
            @Value("${billflow.simulator.business-status.max-latency:PT0.12S}") Duration maxLatency,
            Clock clock) {
        this.closed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        this.closed.addAll(normalize(closed));
        this.suspended = normalize(suspended);
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.clock = clock;
    }

    @Override
    public BusinessStatus lookUp(BusinessNumber number) {
        pause();
        if (!available) {
            throw new BusinessStatusUnavailableException("business status service (simulator) is unavailable");
        }
        if (closed.contains(number.value())) {
            return new BusinessStatus(BusinessState.CLOSED, "20260101", clock.instant());
        }
        if (suspended.contains(number.value())) {
            return new BusinessStatus(BusinessState.SUSPENDED, "20260101", clock.instant());
        }
        return new BusinessStatus(BusinessState.ACTIVE, null, clock.instant());
    }

    /** For tests and demos: the NTS now reports this business as closed (폐업) — or no longer. */
    public void setClosed(String number, boolean isClosed) {
        String digits = number.replace("-", "");
        if (isClosed) {
            closed.add(digits);
        } else {
            closed.remove(digits);
        }
    }

    /** For tests and demos: make the service fail like an outage. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    private void pause() {
        long min = minLatency.toMillis();
        long max = Math.max(min, maxLatency.toMillis());
        try {
            Thread.sleep(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> normalize(Set<String> numbers) {
        return numbers.stream().map(n -> n.trim().replace("-", "")).filter(n -> !n.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
