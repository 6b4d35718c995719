package io.billflow.nts.simulator;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.billflow.nts.api.NtsTransmissionPort.NtsDocument;
import io.billflow.nts.api.NtsTransmissionPort.NtsResult;
import io.billflow.nts.api.NtsTransmissionPort.Receipt;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NTS SIMULATOR's HTTP interface ({@code /nts-simulator/v1}, bearer key, see
 * {@link NtsSimulatorSecurity}): hand documents over, ask for verdicts, read the ledger, inject faults.
 * Served in-process by the embedded default and as its own container in docker compose.
 */
@RestController
@Profile("nts-simulator")
@RequestMapping(NtsSimulatorController.BASE)
public class NtsSimulatorController {

    public static final String BASE = "/nts-simulator/v1";

    private final NtsSimulator simulator;
    private final NtsDocumentCheck check;

    public NtsSimulatorController(NtsSimulator simulator, NtsDocumentCheck check) {
        this.simulator = simulator;
        this.check = check;
    }

    public record DocumentsRequest(List<DocumentJson> documents) {
    }

    public record DocumentJson(String approvalNumber,
                               @jakarta.validation.constraints.Size(max = 20_000_000) String signedXml) {
    }

    public record ReceiptsResponse(List<Receipt> receipts) {
    }

    public record ResultsRequest(List<String> approvalNumbers) {
    }

    public record ResultsResponse(List<NtsResult> results) {
    }

    public record LedgerEntry(String approvalNumber, int handOvers, NtsResult verdict) {
    }

    public record BusinessStatusJson(NtsDocumentCheck.BusinessStatus status) {
    }

    public record FaultsJson(Duration resultDelay, Duration minLatency, Duration maxLatency,
                             double transientFailureRate, double permanentErrorRate, double lostResponseRate,
                             boolean outage) {
    }

    /** Signed documents, each with its approval number; the XML in Base64 (it is signed byte for byte). */
    @PostMapping("/documents")
    public ReceiptsResponse submit(@RequestBody DocumentsRequest request) {
        if (request == null || request.documents() == null || request.documents().isEmpty()
                || request.documents().size() > 1_000) {
            throw new IllegalArgumentException("documents: 1 to 1,000 signed documents");
        }
        List<NtsDocument> documents = request.documents().stream().map(d -> {
            if (d.approvalNumber() == null || !d.approvalNumber().matches("\\d{24}") || d.signedXml() == null) {
                throw new IllegalArgumentException("documents[].approvalNumber: 24 digits; documents[].signedXml: Base64");
            }
            return new NtsDocument(d.approvalNumber(), Base64.getDecoder().decode(d.signedXml()));
        }).toList();
        return new ReceiptsResponse(simulator.receive(documents));
    }

    @PostMapping("/results")
    public ResultsResponse results(@RequestBody ResultsRequest request) {
        if (request == null || request.approvalNumbers() == null || request.approvalNumbers().size() > 5_000) {
            throw new IllegalArgumentException("approvalNumbers: up to 5,000 approval numbers");
        }
        return new ResultsResponse(simulator.results(request.approvalNumbers()));
    }

    /** What NTS holds for one approval number: how often it was handed over and the verdict. */
    @GetMapping("/ledger/{approvalNumber}")
    public LedgerEntry ledger(@PathVariable String approvalNumber) {
        return new LedgerEntry(approvalNumber, simulator.submissions(approvalNumber), simulator.verdict(approvalNumber));
    }

    @GetMapping("/faults")
    public FaultsJson faults() {
        NtsSimulator.Faults f = simulator.faults();
        return new FaultsJson(f.resultDelay(), f.minLatency(), f.maxLatency(), f.transientFailureRate(),
                f.permanentErrorRate(), f.lostResponseRate(), f.outage());
    }

    @PutMapping("/faults")
    public FaultsJson setFaults(@RequestBody FaultsJson f) {
        simulator.setFaults(new NtsSimulator.Faults(orZero(f.resultDelay()), orZero(f.minLatency()),
                orZero(f.maxLatency()), f.transientFailureRate(), f.permanentErrorRate(), f.lostResponseRate(), f.outage()));
        return faults();
    }

    /** Make NTS treat a business number as closed (ERR009), unregistered (ERR001/ERR002) or active. */
    @PutMapping("/businesses/{businessNumber}")
    public BusinessStatusJson setBusinessStatus(@PathVariable String businessNumber,
                                                @RequestBody BusinessStatusJson status) {
        if (!businessNumber.matches("\\d{10}") || status == null || status.status() == null) {
            throw new IllegalArgumentException("businessNumber: 10 digits; status: ACTIVE, UNREGISTERED or CLOSED");
        }
        check.setStatus(businessNumber, status.status());
        return new BusinessStatusJson(check.status(businessNumber));
    }

    @ExceptionHandler(NtsSimulator.SimulatedOutage.class)
    ResponseEntity<ProblemDetail> outage(NtsSimulator.SimulatedOutage e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "국세청 시스템 점검 중 (simulated outage)");
    }

    @ExceptionHandler(NtsSimulator.SimulatedLostAnswer.class)
    ResponseEntity<ProblemDetail> lostAnswer(NtsSimulator.SimulatedLostAnswer e) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "simulated gateway timeout: the documents arrived, the answer was lost");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static Duration orZero(Duration duration) {
        return duration == null ? Duration.ZERO : duration;
    }
}
