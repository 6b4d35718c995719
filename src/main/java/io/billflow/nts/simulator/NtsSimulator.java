package io.billflow.nts.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.certificate.signing.NtsXmlSignature;
import io.billflow.nts.api.NtsTransmissionPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SIMULATOR of the NTS e-tax-invoice reception, in process. It checks what NTS checks for our purposes
 * — the XML signature (SYN002), duplicate approval numbers (SYN003), the write date against the
 * approval number (ERR006), amounts and signs (ERR007), unregistered or closed businesses (ERR001,
 * ERR009) — answers after a realistic delay, can be told to fail transiently or permanently or to lose its
 * answer after taking the document (a timeout: the caller cannot tell whether it arrived), and keeps a
 * ledger of what it received so tests can prove "transmitted exactly once".
 */
@Component
public class NtsSimulator implements NtsTransmissionPort {


    private final Clock clock;
    private final Duration resultDelay;
    private final Set<String> unregistered;
    private final Set<String> closed;
    private final Map<String, NtsResult> verdicts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ledger = new ConcurrentHashMap<>();
    private volatile double transientFailureRate;
    private volatile double lostResponseRate;
    private final Set<String> senderCrashes = ConcurrentHashMap.newKeySet();

    public NtsSimulator(Clock clock, @Value("${billflow.simulator.nts.result-delay:PT0.5S}") Duration resultDelay,
                        @Value("${billflow.simulator.nts.unregistered-numbers:}") Set<String> unregistered,
                        @Value("${billflow.simulator.nts.closed-numbers:}") Set<String> closed,
                        @Value("${billflow.simulator.nts.transient-failure-rate:0}") double transientFailureRate) {
        this.clock = clock;
        this.resultDelay = resultDelay;
        this.unregistered = ConcurrentHashMap.newKeySet();
        this.unregistered.addAll(unregistered);
        this.closed = ConcurrentHashMap.newKeySet();
        this.closed.addAll(closed);
        this.transientFailureRate = transientFailureRate;
    }

    @Override
    public void submit(String approvalNumber, byte[] signedXml) {
        if (transientFailureRate > 0 && ThreadLocalRandom.current().nextDouble() < transientFailureRate) {
            throw new NtsUnavailableException("simulated NTS 503: service temporarily unavailable");
        }
        ledger.computeIfAbsent(approvalNumber, k -> new AtomicInteger()).incrementAndGet();
        NtsResult previous = verdicts.get(approvalNumber);
        if (previous != null && previous.success()) {
            // an accepted approval number is never taken twice (SYN003); the first verdict stands
            return;
        }
        // a refused document may come again after the cause was fixed
        verdicts.put(approvalNumber, verdict(approvalNumber, signedXml));
        if (senderCrashes.remove(approvalNumber)) {
            throw new SimulatedSenderCrash(approvalNumber);
        }
        if (lostResponseRate > 0 && ThreadLocalRandom.current().nextDouble() < lostResponseRate) {
            throw new NtsUnavailableException("simulated timeout: the document arrived, the answer was lost");
        }
    }

    @Override
    public List<NtsResult> results(Collection<String> approvalNumbers) {
        Instant now = clock.instant();
        return approvalNumbers.stream().map(verdicts::get).filter(r -> r != null && !r.at().isAfter(now)).toList();
    }

    /** How many times a document with this approval number was handed over (exactly-once checks). */
    public int submissions(String approvalNumber) {
        AtomicInteger count = ledger.get(approvalNumber);
        return count == null ? 0 : count.get();
    }

    public void setTransientFailureRate(double rate) {
        this.transientFailureRate = rate;
    }

    /** Share of hand-overs NTS takes but whose answer never reaches us (read timeout after delivery). */
    public void setLostResponseRate(double rate) {
        this.lostResponseRate = rate;
    }

    /**
     * The next hand-over of this approval number is received, then our sending node "dies": the call ends
     * with an unchecked {@link SimulatedSenderCrash}, so the caller's job and transaction roll back as if
     * the JVM had stopped mid-chunk, while NTS keeps what it received.
     */
    public void crashSenderAfterDelivering(String approvalNumber) {
        senderCrashes.add(approvalNumber);
    }

    /** Not the port's transient error on purpose: nothing in our code catches it, like a dying node. */
    public static final class SimulatedSenderCrash extends RuntimeException {
        SimulatedSenderCrash(String approvalNumber) {
            super("simulated crash of the sending node after NTS received " + approvalNumber);
        }
    }

    public void setClosed(String businessNumber, boolean isClosed) {
        if (isClosed) {
            closed.add(businessNumber);
        } else {
            closed.remove(businessNumber);
        }
    }

    private NtsResult verdict(String approvalNumber, byte[] signedXml) {
        Instant at = clock.instant().plus(resultDelay);
        NtsXmlSignature.Verification signature = NtsXmlSignature.verify(signedXml);
        if (!signature.valid()) {
            return new NtsResult(approvalNumber, false, "SYN002", "전자서명 오류: " + signature.reason(), at);
        }
        String xml = new String(signedXml, StandardCharsets.UTF_8);
        String issueId = first(xml, "IssueID");
        String writeDate = dateOf(xml);
        if (issueId == null || !issueId.equals(approvalNumber)) {
            return new NtsResult(approvalNumber, false, "SYN004", "승인번호가 문서와 다릅니다", at);
        }
        if (writeDate == null || !approvalNumber.startsWith(writeDate)) {
            return new NtsResult(approvalNumber, false, "ERR006", "작성일자가 승인번호의 날짜와 다릅니다", at);
        }
        String invoicer = first(xml, "ID", xml.indexOf("<InvoicerParty>"));
        String invoicee = first(xml, "ID", xml.indexOf("<InvoiceeParty>"));
        if (invoicer != null && unregistered.contains(invoicer)) {
            return new NtsResult(approvalNumber, false, "ERR001", "공급자 사업자등록번호가 등록되어 있지 않습니다", at);
        }
        if (invoicee != null && unregistered.contains(invoicee)) {
            return new NtsResult(approvalNumber, false, "ERR002", "공급받는자 사업자등록번호가 등록되어 있지 않습니다", at);
        }
        if (invoicer != null && closed.contains(invoicer)) {
            return new NtsResult(approvalNumber, false, "ERR009", "폐업 후 발급된 세금계산서입니다", at);
        }
        long charge = amount(xml, "ChargeTotalAmount");
        long tax = amount(xml, "TaxTotalAmount");
        long grand = amount(xml, "GrandTotalAmount");
        if (grand != charge + tax || (tax != 0 && Long.signum(tax) != Long.signum(charge))) {
            return new NtsResult(approvalNumber, false, "ERR007", "금액 또는 부호 오류", at);
        }
        return new NtsResult(approvalNumber, true, "SUC001", "정상 접수", at);
    }

    private static String dateOf(String xml) {
        int document = xml.indexOf("<TaxInvoiceDocument>");
        String value = document < 0 ? null : first(xml, "IssueDateTime", document);
        return value == null || value.length() < 8 ? null : value.substring(0, 8);
    }

    private static long amount(String xml, String element) {
        String value = first(xml, element);
        return value == null ? 0 : Long.parseLong(value.strip());
    }

    private static String first(String xml, String element) {
        return first(xml, element, 0);
    }

    private static String first(String xml, String element, int from) {
        if (from < 0) {
            return null;
        }
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        return m.find(from) ? m.group(1).strip() : null;
    }
}
