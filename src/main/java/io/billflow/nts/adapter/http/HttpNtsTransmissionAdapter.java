package io.billflow.nts.adapter.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import io.billflow.nts.api.NtsTransmissionPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The NTS port over HTTP: documents go out in batches of {@code billflow.nts.batch-size} (Base64 in JSON,
 * because the signature covers the exact bytes), verdicts are asked for by approval number. Network
 * trouble, timeouts and 5xx answers become {@link NtsUnavailableException} (sent again later, the
 * approval number keeps it effective once); other refusals, such as a wrong API key, are errors that fail
 * the job and reach operations as an incident.
 * <p>
 * {@code billflow.nts.url} names the service; left blank it is this application's own NTS simulator
 * (profile {@code nts-simulator}, the embedded default), reached on the port the server listens on.
 */
@Component
public class HttpNtsTransmissionAdapter implements NtsTransmissionPort {

    private static final String SELF = "/nts-simulator/v1";

    private final RestClient.Builder builder;
    private final String configuredUrl;
    private final int batchSize;
    private volatile RestClient client;

    public HttpNtsTransmissionAdapter(@Value("${billflow.nts.url:}") String url,
                                      @Value("${billflow.nts.api-key:}") String apiKey,
                                      @Value("${billflow.nts.batch-size:100}") int batchSize,
                                      @Value("${billflow.nts.connect-timeout:PT2S}") Duration connectTimeout,
                                      @Value("${billflow.nts.read-timeout:PT30S}") Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        this.builder = RestClient.builder().requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + apiKey);
        this.configuredUrl = url == null ? "" : url.strip();
        this.batchSize = batchSize;
        if (!configuredUrl.isEmpty()) {
            this.client = builder.baseUrl(URI.create(configuredUrl).toString()).build();
        }
    }

    /** With no URL configured, the in-process simulator answers on this application's own port. */
    @EventListener
    public void onWebServerStarted(WebServerInitializedEvent event) {
        if (configuredUrl.isEmpty() && event.getApplicationContext().getServerNamespace() == null) {
            this.client = builder.baseUrl("http://127.0.0.1:" + event.getWebServer().getPort() + SELF).build();
        }
    }

    record DocumentJson(String approvalNumber, String signedXml) {
    }

    record DocumentsRequest(List<DocumentJson> documents) {
    }

    record ReceiptsResponse(List<Receipt> receipts) {
    }

    record ResultsRequest(Collection<String> approvalNumbers) {
    }

    record ResultJson(String approvalNumber, boolean success, String code, String message, Instant at) {
    }

    record ResultsResponse(List<ResultJson> results) {
    }

    @Override
    public List<Receipt> submit(List<NtsDocument> documents) {
        List<Receipt> receipts = new ArrayList<>(documents.size());
        for (int from = 0; from < documents.size(); from += batchSize) {
            List<DocumentJson> batch = documents.subList(from, Math.min(documents.size(), from + batchSize)).stream()
                    .map(d -> new DocumentJson(d.approvalNumber(), Base64.getEncoder().encodeToString(d.signedXml())))
                    .toList();
            try {
                ReceiptsResponse response = call("POST /documents", () -> client().post().uri("/documents")
                        .contentType(MediaType.APPLICATION_JSON).body(new DocumentsRequest(batch))
                        .retrieve().body(ReceiptsResponse.class));
                receipts.addAll(response.receipts());
            } catch (NtsUnavailableException e) {
                if (receipts.isEmpty()) {
                    throw e;
                }
                // earlier batches went through: report those, the rest is sent again later
                batch.forEach(d -> receipts.add(new Receipt(d.approvalNumber(), false, e.getMessage())));
            }
        }
        return receipts;
    }

    @Override
    public List<NtsResult> results(Collection<String> approvalNumbers) {
        if (approvalNumbers.isEmpty()) {
            return List.of();
        }
        ResultsResponse response = call("POST /results", () -> client().post().uri("/results")
                .contentType(MediaType.APPLICATION_JSON).body(new ResultsRequest(approvalNumbers))
                .retrieve().body(ResultsResponse.class));
        return response.results().stream()
                .map(r -> new NtsResult(r.approvalNumber(), r.success(), r.code(), r.message(), r.at())).toList();
    }

    private RestClient client() {
        RestClient current = client;
        if (current == null) {
            throw new NtsUnavailableException("NTS endpoint not known yet: the web server has not started");
        }
        return current;
    }

    private static <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            T body = request.get();
            if (body == null) {
                throw new NtsUnavailableException("NTS " + what + ": empty answer");
            }
            return body;
        } catch (ResourceAccessException e) {
            throw new NtsUnavailableException("NTS " + what + " unreachable or timed out: " + e.getMessage(), e);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is5xxServerError() || e.getStatusCode().value() == 429) {
                throw new NtsUnavailableException("NTS " + what + " answered " + e.getStatusCode().value(), e);
            }
            throw new IllegalStateException("NTS " + what + " refused the call with " + e.getStatusCode().value()
                    + ": " + e.getResponseBodyAsString(), e);
        }
    }
}
