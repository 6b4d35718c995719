package io.billflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The committed {@code docs/openapi.yaml} is the document the application serves at {@code /v3/api-docs.yaml}:
 * a change to a controller that changes the API fails here until the document is regenerated and committed with
 * it (ADR 0008). Regenerate with
 * <pre>./mvnw -o test -Dtest=OpenApiDocumentTest -Dbillflow.openapi.write=true</pre>
 * The document is also held to what makes it worth reading: every operation has a summary, every error answer is
 * {@code application/problem+json}, and the security schemes are the two ways in that SecurityConfiguration has
 * for {@code /api/**} (HTTP Basic, and the staff sign-in session with its CSRF header).
 */
@BillflowSpringTest
class OpenApiDocumentTest {

    /** The committed document, relative to the project directory (where Maven runs the tests). */
    static final Path COMMITTED = Path.of("docs", "openapi.yaml");
    /** What the application served in the last run, for {@code diff docs/openapi.yaml target/openapi-served.yaml}. */
    static final Path SERVED = Path.of("target", "openapi-served.yaml");
    static final String REGENERATE = "./mvnw -o test -Dtest=OpenApiDocumentTest -Dbillflow.openapi.write=true";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @LocalServerPort
    int port;

    @Test
    void theCommittedDocumentIsTheOneTheApplicationServes() throws IOException {
        String served = normalised(fetch("/v3/api-docs.yaml"));
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("billflow.openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        assertThat(COMMITTED).as("docs/openapi.yaml is missing; generate it with: " + REGENERATE).exists();
        String committed = normalised(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        if (!committed.equals(served)) {
            fail(diffHint(committed, served));
        }
    }

    @Test
    void everyOperationHasASummaryProblemDetailsForErrorsAndTheRealSecuritySchemes() throws IOException {
        JsonNode document = new ObjectMapper().readTree(fetch("/v3/api-docs"));
        List<String> shortfalls = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (operation.path("summary").asText("").isBlank()) {
                shortfalls.add(name + ": no summary");
            }
            if (!operation.has("security") && !document.has("security")) {
                shortfalls.add(name + ": no security requirement");
            }
            for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
                 responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    List<String> types = new ArrayList<>();
                    content.fieldNames().forEachRemaining(types::add);
                    if (!types.equals(List.of("application/problem+json"))) {
                        shortfalls.add(name + " " + response.getKey() + ": " + types + " instead of problem+json");
                    }
                }
            }
            if (!operation.path("responses").has("401")) {
                shortfalls.add(name + ": no 401 (every /api operation needs a sign-in)");
            }
        }));
        assertThat(shortfalls).as("operations the document describes poorly").isEmpty();

        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("staffSession").path("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.path("staffSession").path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path("staffSession").path("name").asText()).isEqualTo("JSESSIONID");
    }

    private String fetch(String path) {
        HttpResponse<String> response = new TestHttp(port).getBasic(path, "admin", "admin");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    static String normalised(String text) {
        String unix = text.replace("\r\n", "\n");
        return unix.endsWith("\n") ? unix : unix + "\n";
    }

    /** Where the two first part, with a few lines of each around it, and how to bring the committed one up to date. */
    static String diffHint(String committed, String served) {
        List<String> was = committed.lines().toList();
        List<String> now = served.lines().toList();
        int first = 0;
        while (first < was.size() && first < now.size() && was.get(first).equals(now.get(first))) {
            first++;
        }
        int from = Math.max(0, first - 3);
        StringBuilder hint = new StringBuilder()
                .append("docs/openapi.yaml differs from what the application serves (first at line ")
                .append(first + 1).append("; committed ").append(was.size()).append(" lines, served ")
                .append(now.size()).append(").\n--- docs/openapi.yaml\n");
        for (int i = from; i < Math.min(was.size(), first + 4); i++) {
            hint.append(i == first ? "-" : " ").append(String.format("%5d ", i + 1)).append(was.get(i)).append('\n');
        }
        hint.append("+++ served (").append(SERVED).append(")\n");
        for (int i = from; i < Math.min(now.size(), first + 4); i++) {
            hint.append(i == first ? "+" : " ").append(String.format("%5d ", i + 1)).append(now.get(i)).append('\n');
        }
        return hint.append("See all of it with: diff ").append(COMMITTED).append(' ').append(SERVED)
                .append("\nIf the API change is meant, regenerate and commit the document: ").append(REGENERATE)
                .toString();
    }
}
