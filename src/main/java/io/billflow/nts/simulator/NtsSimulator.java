package io.billflow.nts.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.billflow.nts.api.NtsTransmissionPort.NtsDocument;
import io.billflow.nts.api.NtsTransmissionPort.NtsResult;
import io.billflow.nts.api.NtsTransmissionPort.Receipt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the NTS e-tax-invoice reception (profile {@code nts-simulator}), served over HTTP by
 * {@link NtsSimulatorController}. It checks what NTS checks for our purposes ({@link NtsDocumentCheck}),
 * answers after a realistic delay, can be told to fail (whole outage, transient refusals per document,
 * permanent errors, answers lost after the documents arrived) and keeps a ledger of every hand-over so
 * tests can prove "transmitted exactly once".
 */
@Component
@Profile("nts-simulator")
public class NtsSimulator {

    private final Clock clock;
    private final NtsDocumentCheck check;
    private final Map<String, NtsResult> verdicts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ledger = new ConcurrentHashMap<>();
    private volatile Faults faults;

    public NtsSimulator(Clock clock, NtsDocumentCheck check,
                        @Value("${billflow.simulator.nts.result-delay:PT0.5S}") Duration resultDelay,
                        @Value("${billflow.simulator.nts.min-latency:PT0S}") Duration minLatency,
                        @Value("${billflow.simulator.nts.max-latency:PT0S}") Duration maxLatency,
                        @Value("${billflow.simulator.nts.transient-failure-rate:0}") double transientFailureRate,
                        @Value("${billflow.simulator.nts.permanent-error-rate:0}") double permanentErrorRate) {
        this.clock = clock;
        this.check = check;
        this.faults = new Faults(resultDelay, minLatency, maxLatency, transientFailureRate, permanentErrorRate, 0, false);
    }

    /**
     * Takes documents: each is received (its verdict follows after the result delay) or refused for now.
     * An accepted approval number is never taken twice (SYN003 would follow at NTS): the first verdict stands.
     *
     * @throws SimulatedOutage   NTS is down as a whole: nothing was taken
     * @throws SimulatedLostAnswer the documents were taken but the answer never reaches the caller
     */
    public List<Receipt> receive(List<NtsDocument> documents) {
        Faults now = faults;
        pause(now);
        if (now.outage()) {
            throw new SimulatedOutage();
        }
        List<Receipt> receipts = new ArrayList<>(documents.size());
        for (NtsDocument document : documents) {
            receipts.add(receiveOne(document, now));
        }
        if (chance(now.lostResponseRate())) {
            throw new SimulatedLostAnswer();
        }
        return receipts;
    }

    private Receipt receiveOne(NtsDocument document, Faults now) {
        String approvalNumber = document.approvalNumber();
        if (chance(now.transientFailureRate())) {
            return new Receipt(approvalNumber, false, "503 일시적 오류: 잠시 후 다시 전송하세요");
        }
        ledger.computeIfAbsent(approvalNumber, k -> new AtomicInteger()).incrementAndGet();
        NtsResult previous = verdicts.get(approvalNumber);
        if (previous == null || !previous.success()) {
            // a refused document may come again after the cause was fixed
            Instant at = clock.instant().plus(now.resultDelay());
            verdicts.put(approvalNumber, chance(now.permanentErrorRate())
                    ? new NtsResult(approvalNumber, false, "SYN004", "전자세금계산서 표준 스키마 오류 (모의 오류)", at)
                    : check.verdict(approvalNumber, document.signedXml(), at));
        }
        return new Receipt(approvalNumber, true, null);
    }

    /** Verdicts that have arrived by now. */
    public List<NtsResult> results(Collection<String> approvalNumbers) {
        pause(faults);
        Instant now = clock.instant();
        return approvalNumbers.stream().map(verdicts::get).filter(r -> r != null && !r.at().isAfter(now)).toList();
    }

    /** How many times a document with this approval number was handed over (exactly-once checks). */
    public int submissions(String approvalNumber) {
        AtomicInteger count = ledger.get(approvalNumber);
        return count == null ? 0 : count.get();
    }

    /** The verdict recorded for this approval number, whether or not it is due yet. */
    public NtsResult verdict(String approvalNumber) {
        return verdicts.get(approvalNumber);
    }

    public Faults faults() {
        return faults;
    }

    public void setFaults(Faults faults) {
        this.faults = faults;
    }

    public void setTransientFailureRate(double rate) {
        faults = faults.withTransientFailureRate(rate);
    }

    /** Share of calls whose documents NTS takes but whose answer never reaches us (read timeout after delivery). */
    public void setLostResponseRate(double rate) {
        faults = faults.withLostResponseRate(rate);
    }

    public void setClosed(String businessNumber, boolean closed) {
        check.setStatus(businessNumber, closed ? NtsDocumentCheck.BusinessStatus.CLOSED
                : NtsDocumentCheck.BusinessStatus.ACTIVE);
    }

    private static boolean chance(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private static void pause(Faults faults) {
        long min = faults.minLatency().toMillis();
        long max = Math.max(min, faults.maxLatency().toMillis());
        long millis = min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Fault injection and timing; change it at run time through {@code PUT /nts-simulator/v1/faults}. */
    public record Faults(Duration resultDelay, Duration minLatency, Duration maxLatency, double transientFailureRate,
                         double permanentErrorRate, double lostResponseRate, boolean outage) {

        public Faults {
            for (double rate : new double[] {transientFailureRate, permanentErrorRate, lostResponseRate}) {
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("rates are between 0 and 1");
                }
            }
            if (resultDelay.isNegative() || minLatency.isNegative() || maxLatency.isNegative()) {
                throw new IllegalArgumentException("durations are not negative");
            }
        }

        Faults withTransientFailureRate(double rate) {
            return new Faults(resultDelay, minLatency, maxLatency, rate, permanentErrorRate, lostResponseRate, outage);
        }

        Faults withLostResponseRate(double rate) {
            return new Faults(resultDelay, minLatency, maxLatency, transientFailureRate, permanentErrorRate, rate, outage);
        }
    }

    /** The whole service is down (HTTP 503); nothing was taken. */
    public static final class SimulatedOutage extends RuntimeException {
        SimulatedOutage() {
            super("simulated NTS outage");
        }
    }

    /** The documents arrived, the answer did not (HTTP 504 to the caller, like a gateway timeout). */
    public static final class SimulatedLostAnswer extends RuntimeException {
        SimulatedLostAnswer() {
            super("simulated timeout: the documents arrived, the answer was lost");
        }
    }
}
