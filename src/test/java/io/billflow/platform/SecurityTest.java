package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.platform.audit.AuditLog;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BillflowSpringTest
class SecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    @Autowired
    IdentityService identityService;

    TestHttp http;

    @BeforeEach
    void newBrowser() {
        http = new TestHttp(port);
    }

    @Test
    void anonymousCallsToEngineRestAreRefused() {
        HttpResponse<String> response = http.get("/engine-rest/process-definition");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void engineRestAcceptsBasicAgainstTheEngineIdentityService() {
        assertThat(http.getBasic("/engine-rest/process-definition", "operator", "operator").statusCode()).isEqualTo(200);
        // systems go through /api, which validates what they start (AccessMatrixTest has the rest)
        assertThat(http.getBasic("/engine-rest/process-definition", "api-client", "api-client").statusCode()).isEqualTo(403);
        // a wrong password for its own user: Camunda delays that user's next sign-ins after a failure
        assertThat(http.getBasic("/engine-rest/process-definition", probeUser(), "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousCallsToApiGetAProblem401() {
        HttpResponse<String> response = http.get("/api/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session for API callers").isEmpty();
    }

    @Test
    void systemsUseHttpBasicOnTheApi() {
        HttpResponse<String> me = http.getBasic("/api/me", "api-client", "api-client");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"api-client\"").contains("\"groups\":[\"api-clients\"]");
    }

    @Test
    void healthIsPublicAndEverythingElseIsStaffOnly() {
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> scrape = http.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).as("a scraper gets a 401, not a login page").isEqualTo(401);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(scrape.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(http.getBasic("/actuator/prometheus", "manager", "manager").statusCode())
                .as("settlement managers follow the dashboard, not the metrics").isEqualTo(403);
        assertThat(http.getBasic("/actuator/metrics", "operator", "operator").statusCode()).isEqualTo(200);
        assertThat(http.get("/swagger-ui/index.html").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(http.get("/dev/mailbox").statusCode()).isEqualTo(302);
        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void operationsUserOpensTasklistButIsRefusedAdminAndCockpit() {
        HttpResponse<String> login = http.login("operator", "operator");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(http.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(http.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);

        HttpResponse<String> camundaUser = http.get("/camunda/api/admin/auth/user/default");
        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(camundaUser.body()).contains("\"userId\":\"operator\"").contains("tasklist").doesNotContain("admin");
    }

    @Test
    void settlementManagerOpensCockpitButNotAdmin() {
        http.login("manager", "manager");
        assertThat(http.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(http.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void afterALogoutInsideCockpitItsOwnLoginFormSignsInAgain() {
        http.login("manager", "manager");
        assertThat(http.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);

        assertThat(http.postCamunda("/camunda/api/admin/auth/user/default/logout", "").statusCode()).isEqualTo(200);
        assertThat(http.get("/camunda/app/cockpit/default/").statusCode()).as("signed out everywhere").isEqualTo(302);
        assertThat(http.get("/api/me").statusCode()).isEqualTo(401);

        // the single-page app asks who is signed in (refreshing its CSRF cookie), then posts its login form
        assertThat(http.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
        HttpResponse<String> login = http.postCamunda("/camunda/api/admin/auth/user/default/login/cockpit",
                "username=manager&password=manager");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"manager\"");
        assertThat(http.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/me").statusCode()).as("the same sign-in reaches our API").isEqualTo(200);
    }

    @Test
    void adminOpensAdmin() {
        http.login("admin", "admin");
        assertThat(http.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void browserSessionReachesTheApiButUnsafeCallsNeedTheCsrfToken() {
        http.login("operator", "operator");
        assertThat(http.get("/api/me").statusCode()).isEqualTo(200);
        HttpResponse<String> withoutToken = http.postJson("/api/process-instances",
                "{\"processDefinitionKey\":\"foundationFormCheckProcess\"}", null, null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordsAreRefusedAndAudited() {
        HttpResponse<String> login = http.login(probeUser(), "not-the-password");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
        assertThat(auditLog.findTop50ByActorOrderByOccurredAtDesc("lockout-probe"))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("SIGN_IN_REFUSED"));
    }

    @Test
    void apiClientsHaveNoWebappAccess() {
        http.login("api-client", "api-client");
        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
    }

    /** A user only the wrong-password tests use: Camunda throttles a user's sign-ins after a failure. */
    private String probeUser() {
        if (identityService.createUserQuery().userId("lockout-probe").count() == 0) {
            User user = identityService.newUser("lockout-probe");
            user.setPassword("right-password");
            identityService.saveUser(user);
            identityService.createMembership("lockout-probe", "operations");
        }
        return "lockout-probe";
    }
}
