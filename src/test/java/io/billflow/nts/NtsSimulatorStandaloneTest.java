package io.billflow.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.billflow.nts.adapter.http.HttpNtsTransmissionAdapter;
import io.billflow.nts.api.NtsTransmissionPort;
import io.billflow.nts.simulator.standalone.NtsSimulatorApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulator as the compose {@code nts} container runs it: its own small application (no database,
 * no engine), reached by the production adapter over HTTP with its key.
 */
class NtsSimulatorStandaloneTest {

    static final String KEY = "standalone-test-key-0123456789";

    static ConfigurableApplicationContext simulator;
    static String base;

    @BeforeAll
    static void start() {
        simulator = NtsSimulatorApplication.start("--server.port=0", "--billflow.simulator.nts.api-key=" + KEY,
                "--billflow.simulator.nts.result-delay=PT3S", "--billflow.simulator.nts.min-latency=PT0.01S",
                "--billflow.simulator.nts.max-latency=PT0.02S", "--spring.main.banner-mode=off");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) simulator).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void itHasNoDatabaseAndNoEngine() {
        assertThat(simulator.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
        assertThat(simulator.containsBean("processEngine")).isFalse();
    }

    @Test
    void theProductionAdapterTransmitsThroughIt() {
        HttpNtsTransmissionAdapter adapter = new HttpNtsTransmissionAdapter(base + "/nts-simulator/v1", KEY, 100,
                Duration.ofSeconds(2), Duration.ofSeconds(10));
        NtsTransmissionPort.NtsDocument document = SignedDocuments.signedBy(SignedDocuments.SUPPLIER);
        assertThat(adapter.submit(List.of(document))).singleElement()
                .satisfies(receipt -> assertThat(receipt.received()).isTrue());
        assertThat(adapter.results(List.of(document.approvalNumber()))).as("the verdict follows after a delay").isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(adapter.results(List.of(document.approvalNumber()))).singleElement()
                        .satisfies(result -> assertThat(result.code()).isEqualTo("SUC001")));
    }

    @Test
    void healthIsOpenEverythingElseNeedsTheKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/nts-simulator/v1/faults")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpNtsTransmissionAdapter wrongKey = new HttpNtsTransmissionAdapter(base + "/nts-simulator/v1",
                "some-other-key-0123456789", 100, Duration.ofSeconds(2), Duration.ofSeconds(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongKey.results(List.of("202610314100000800000001")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("401");
    }
}
