package io.billflow.nts;

import static io.billflow.nts.SignedDocuments.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.billflow.BillflowSpringTest;
import io.billflow.nts.adapter.http.HttpNtsTransmissionAdapter;
import io.billflow.nts.api.NtsTransmissionPort;
import io.billflow.nts.api.NtsTransmissionPort.NtsResult;
import io.billflow.nts.api.NtsTransmissionPort.Receipt;
import io.billflow.nts.simulator.NtsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

/**
 * The NTS simulator as billflow reaches it: over HTTP with the API key, through the same adapter
 * production uses. Each test starts from a fresh ledger entry (the simulator forgets nothing, so each
 * test signs its own document and approval numbers do not collide with other tests' invoices).
 */
@BillflowSpringTest
class NtsSimulatorApiTest {

    @LocalServerPort
    int port;

    @Autowired
    HttpNtsTransmissionAdapter adapter;

    @Autowired
    NtsSimulator simulator;

    NtsSimulator.Faults healthy;

    @BeforeEach
    void remember() {
        healthy = simulator.faults();
    }

    @AfterEach
    void restore() {
        simulator.setFaults(healthy);
    }

    @Test
    void aSignedInvoiceIsTakenOnceAndItsVerdictCollected() throws Exception {
        NtsTransmissionPort.NtsDocument document = SignedDocuments.signedBy(SUPPLIER);
        String approval = document.approvalNumber();
        List<Receipt> receipts = adapter.submit(List.of(document));
        assertThat(receipts).singleElement().satisfies(r -> assertThat(r.received()).isTrue());
        assertThat(adapter.submit(List.of(document))).singleElement()
                .satisfies(r -> assertThat(r.received()).as("taken again, effective once").isTrue());

        List<NtsResult> results = adapter.results(List.of(approval, "209901014100000099999999"));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.success()).isTrue();
            assertThat(r.code()).isEqualTo("SUC001");
        });
        HttpResponse<String> ledger = get("/nts-simulator/v1/ledger/" + approval, "local-nts-simulator-key");
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("\"handOvers\":2", "SUC001");
    }

    @Test
    void withoutTheApiKeyTheSimulatorRefuses() throws Exception {
        assertThat(get("/nts-simulator/v1/faults", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get("/nts-simulator/v1/faults", "not-the-key-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/nts-simulator/v1/faults", "local-nts-simulator-key").statusCode()).isEqualTo(200);
    }

    @Test
    void aDocumentSignedWithAnotherBusinessCertificateIsRefused() {
        String approval = submitAndWait(SignedDocuments.signedBy("2208162517"));
        NtsResult verdict = simulator.verdict(approval);
        assertThat(verdict.code()).isEqualTo("SYN002");
        assertThat(verdict.message()).contains("공급자(" + SUPPLIER + ")");
    }

    @Test
    void wrongTotalsUnderAValidSignatureAreErr007() {
        NtsTransmissionPort.NtsDocument document = SignedDocuments.signedBy(SUPPLIER, (Document d) ->
                d.getElementsByTagName("GrandTotalAmount").item(0).setTextContent("1650001"));
        assertThat(simulator.verdict(submitAndWait(document)).code()).isEqualTo("ERR007");
    }

    @Test
    void aWriteDateOtherThanTheApprovalNumbersIsErr006() {
        NtsTransmissionPort.NtsDocument document = SignedDocuments.signedBy(SUPPLIER, (Document d) ->
                d.getElementsByTagName("IssueDateTime").item(1).setTextContent("20261030"));
        assertThat(simulator.verdict(submitAndWait(document)).code()).isEqualTo("ERR006");
    }

    @Test
    void aMissingRequiredElementIsSyn004() {
        NtsTransmissionPort.NtsDocument document = SignedDocuments.signedBy(SUPPLIER, (Document d) ->
                d.getElementsByTagName("ChargeTotalAmount").item(0).setTextContent("일백만"));
        assertThat(simulator.verdict(submitAndWait(document)).code()).isEqualTo("SYN004");
    }

    @Test
    void anOutageIsTransientForTheCaller() {
        simulator.setFaults(new NtsSimulator.Faults(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0, 0, true));
        NtsTransmissionPort.NtsDocument document = SignedDocuments.signedBy(SUPPLIER);
        assertThatThrownBy(() -> adapter.submit(List.of(document)))
                .isInstanceOf(NtsTransmissionPort.NtsUnavailableException.class).hasMessageContaining("503");
        assertThat(simulator.submissions(document.approvalNumber())).as("nothing taken").isZero();
    }

    @Test
    void aLostAnswerIsTransientButTheDocumentArrived() {
        simulator.setFaults(new NtsSimulator.Faults(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0, 1.0, false));
        NtsTransmissionPort.NtsDocument document = SignedDocuments.signedBy(SUPPLIER);
        assertThatThrownBy(() -> adapter.submit(List.of(document)))
                .isInstanceOf(NtsTransmissionPort.NtsUnavailableException.class).hasMessageContaining("504");
        assertThat(simulator.submissions(document.approvalNumber())).as("NTS has it").isEqualTo(1);
    }

    @Test
    void transientRefusalsArePerDocumentAndPermanentErrorsAreVerdicts() {
        simulator.setFaults(new NtsSimulator.Faults(Duration.ZERO, Duration.ZERO, Duration.ZERO, 1.0, 0, 0, false));
        assertThat(adapter.submit(List.of(SignedDocuments.signedBy(SUPPLIER)))).singleElement()
                .satisfies(r -> assertThat(r.received()).isFalse());

        simulator.setFaults(new NtsSimulator.Faults(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 1.0, 0, false));
        NtsResult verdict = simulator.verdict(submitAndWait(SignedDocuments.signedBy(SUPPLIER)));
        assertThat(verdict.success()).isFalse();
        assertThat(verdict.code()).isEqualTo("SYN004");
    }

    @Test
    void badInputIsA400() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/nts-simulator/v1/documents"))
                .header("Authorization", "Bearer local-nts-simulator-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"documents\":[{\"approvalNumber\":\"123\",\"signedXml\":\"\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("approvalNumber");
    }

    private String submitAndWait(NtsTransmissionPort.NtsDocument document) {
        assertThat(adapter.submit(List.of(document))).singleElement().satisfies(r -> assertThat(r.received()).isTrue());
        return document.approvalNumber();
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
