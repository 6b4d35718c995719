package io.billflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.notification.TextedCodes;
import io.billflow.notification.api.PortalLinks;
import io.billflow.notification.text.TextMessagingSimulator;
import io.billflow.workflow.BpmnIds;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The least-privilege matrix (issue #13, 4), walked cell by cell from the one table that documents it:
 * {@code docs/security/access-matrix.md}. Every column signs in over HTTP as itself (HTTP Basic or the login form
 * for staff, a portal session for partners, nothing for anonymous) and sends every row's request; every answer must
 * be the cell's. All mismatches are reported together.
 */
@BillflowSpringTest
class AccessMatrixTest {

    static final Path MATRIX = Path.of("docs/security/access-matrix.md");
    static final List<String> COLUMNS = List.of("anonymous", "operations", "settlement-managers", "api-clients",
            "camunda-admin", "supplier", "individual");
    static final Map<String, String> STAFF_USER = Map.of("operations", "operator", "settlement-managers", "manager",
            "api-clients", "api-client", "camunda-admin", "admin");
    static final Pattern REQUEST = Pattern.compile("`(GET|POST|PUT|DELETE) (\\S+)(?: (.+))?`");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    PortalLinks portalLinks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TextMessagingSimulator phone;

    record Row(String operation, String method, String path, String body, boolean session, List<String> expected) {
    }

    @Test
    void everyGroupGetsExactlyWhatTheMatrixSays() throws IOException {
        List<Row> rows = matrix();
        assertThat(rows).as("the matrix in " + MATRIX).hasSizeGreaterThanOrEqualTo(25);

        ProcessInstance variablesOf = runtimeService.startProcessInstanceByKey(BpmnIds.NotificationFailure.PROCESS_ID,
                "access-matrix-" + System.nanoTime(), Map.of(BpmnIds.NotificationFailure.VAR_ERROR, "matrix"));
        Map<String, TestHttp> basic = new LinkedHashMap<>();
        Map<String, TestHttp> session = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            basic.put(column, new TestHttp(port));
            session.put(column, signedIn(column));
        }
        // what the walk itself may start as admin (the engine's break-glass), taken away afterwards
        List<String> startedBefore = instanceIds();

        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        try {
            for (Row row : rows) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String column = COLUMNS.get(c);
                    boolean staff = STAFF_USER.containsKey(column);
                    TestHttp http = staff && !row.session() ? basic.get(column) : session.get(column);
                    String user = staff && !row.session() ? STAFF_USER.get(column) : null;
                    HttpResponse<String> response = send(http, row, user, variablesOf.getId());
                    cases++;
                    String expected = row.expected().get(c);
                    if (!matches(expected, response)) {
                        mismatches.add("%s (%s %s) as %s: expected %s, got %d %s".formatted(row.operation(),
                                row.method(), row.path(), column, expected, response.statusCode(),
                                abbreviate(response.body())));
                    }
                }
            }
        } finally {
            instanceIds().stream().filter(id -> !startedBefore.contains(id))
                    .forEach(id -> runtimeService.deleteProcessInstance(id, "access matrix walk", true, true));
            runtimeService.deleteProcessInstance(variablesOf.getId(), "access matrix walk", true, true);
        }
        System.out.printf("access matrix: %d rows x %d columns = %d cases%n", rows.size(), COLUMNS.size(), cases);
        assertThat(mismatches).as("cells of %s that the application does not hold", MATRIX).isEmpty();
        assertThat(cases).isEqualTo(rows.size() * COLUMNS.size());
    }

    private static boolean matches(String expected, HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        return switch (expected) {
            case "2xx" -> status / 100 == 2;
            case "2xx {..}" -> status / 100 == 2 && JSON.readTree(response.body()).isObject()
                    && !JSON.readTree(response.body()).isEmpty();
            case "2xx []", "2xx [..]" -> {
                if (status / 100 != 2) {
                    yield false;
                }
                JsonNode list = JSON.readTree(response.body());
                yield list.isArray() && (expected.equals("2xx []") ? list.isEmpty() : !list.isEmpty());
            }
            default -> status == Integer.parseInt(expected);
        };
    }

    private HttpResponse<String> send(TestHttp http, Row row, String user, String variablesOf) {
        String taskOf = taskService.createTaskQuery().processInstanceId(variablesOf).singleResult().getId();
        String path = row.path().replace("{variablesOf}", variablesOf).replace("{taskOf}", taskOf);
        String body = row.body() == null ? "" : row.body();
        return switch (row.method()) {
            case "GET" -> user == null ? http.get(path) : http.getBasic(path, user, user);
            case "POST" -> http.postJson(path, body, user, user);
            case "PUT" -> user == null ? http.putJsonWithoutCredentials(path, body) : http.putJson(path, body, user, user);
            case "DELETE" -> http.deleteBasic(path, user, user);
            default -> throw new IllegalArgumentException(row.method());
        };
    }

    /** A browser for the column: staff through the login form, partners through their portal proof. */
    private TestHttp signedIn(String column) {
        TestHttp browser = new TestHttp(port);
        if (STAFF_USER.containsKey(column)) {
            String user = STAFF_USER.get(column);
            HttpResponse<String> login = browser.login(user, user);
            assertThat(login.headers().firstValue("Location").orElse("")).as(column).doesNotContain("error");
        } else if (column.equals("supplier")) {
            String corpNum = TestData.newBusinessNumber();
            long partner = created(new TestHttp(port).postJson("/api/partners",
                    TestData.partnerJson(corpNum, "(주)매트릭스"), "operator", "operator"));
            String link = path(portalLinks.newLink(partner, "access-matrix", "test").value());
            String page = browser.get(link).body();
            assertThat(browser.postForm(link, "corpNum=" + corpNum + "&_csrf=" + encode(TestHttp.csrfOf(page)))
                    .statusCode()).isEqualTo(302);
        } else if (column.equals("individual")) {
            long partner = created(new TestHttp(port).postJson("/api/partners", """
                    {"partnerType":"INDIVIDUAL","corpName":"매트릭스작가","contact":{"email":"matrix+%d@example.com"}}"""
                    .formatted(System.nanoTime()), "operator", "operator"));
            long group = created(new TestHttp(port).postJson("/api/settlement/groups", """
                    {"partnerId":%d,"name":"매트릭스 %d","media":["매트릭스"],
                     "contacts":[{"name":"박정산","email":"matrix-group+%d@example.com"}],
                     "verificationMobile":"010-2345-6789"}""".formatted(partner, System.nanoTime(), partner),
                    "manager", "manager"));
            String link = path(portalLinks.newIndividualLink(group, "access-matrix", "test").value());
            browser.get(link);
            String page = browser.get(link + "/mobile").body();
            assertThat(browser.postForm(link + "/mobile/code", "_csrf=" + encode(TestHttp.csrfOf(page))).statusCode())
                    .isEqualTo(302);
            String code = TextedCodes.latestCode(jdbc, phone, "settlement-sign-in-code:" + group + ":");
            page = browser.get(link + "/mobile").body();
            assertThat(browser.postForm(link + "/mobile", "_csrf=" + encode(TestHttp.csrfOf(page)) + "&code=" + code)
                    .statusCode()).isEqualTo(302);
        }
        return browser;
    }

    private List<String> instanceIds() {
        return runtimeService.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
    }

    static List<Row> matrix() throws IOException {
        String doc = Files.readString(MATRIX);
        String table = doc.substring(doc.indexOf("<!-- matrix:start -->"), doc.indexOf("<!-- matrix:end -->"));
        List<Row> rows = new ArrayList<>();
        List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        assertThat(header.subList(3, header.size())).as("the matrix's columns").isEqualTo(COLUMNS);
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            assertThat(cells).as(line).hasSize(3 + COLUMNS.size());
            Matcher request = REQUEST.matcher(cells.get(1));
            assertThat(request.matches()).as(cells.get(1)).isTrue();
            rows.add(new Row(cells.get(0), request.group(1), request.group(2), request.group(3),
                    cells.get(2).equals("session"), cells.subList(3, cells.size())));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.lastIndexOf('|'));
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }

    private static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        try {
            return JSON.readTree(response.body()).get("id").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(String link) {
        return link.substring(link.indexOf("/portal/access/"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
