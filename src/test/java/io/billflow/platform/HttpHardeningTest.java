package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.ProxiedHttp;
import io.billflow.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 §7: cookies Secure behind TLS, X-Forwarded-* believed only from a trusted proxy, a Content-Security-Policy
 * on billflow's own pages (not on Camunda's, which send theirs), the dev pages for camunda-admin only.
 */
@BillflowSpringTest
class HttpHardeningTest {

    private static final Map<String, String> HTTPS = Map.of("X-Forwarded-Proto", "https");

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureBehindATrustedTlsProxyOnly() {
        assertThat(cookie(ProxiedHttp.TRUSTED_PROXY, "/login", "JSESSIONID")).contains("Secure").contains("HttpOnly");
        assertThat(cookie(ProxiedHttp.UNTRUSTED_CLIENT, "/login", "JSESSIONID"))
                .as("a client claiming https over plain http gets nothing").doesNotContain("Secure");
    }

    @Test
    void camundasXsrfCookieIsSecureBehindATrustedTlsProxyOnly() {
        String path = "/camunda/api/admin/auth/user/default";
        assertThat(cookie(ProxiedHttp.TRUSTED_PROXY, path, "XSRF-TOKEN")).contains("Secure");
        assertThat(cookie(ProxiedHttp.UNTRUSTED_CLIENT, path, "XSRF-TOKEN")).doesNotContain("Secure");
    }

    @Test
    void aClientsForwardedHostAndSchemeDoNotMakeRedirects() {
        Map<String, String> forged = Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https");
        ProxiedHttp.Response fromClient = new ProxiedHttp(port, ProxiedHttp.UNTRUSTED_CLIENT)
                .get("/settlement/dashboard", forged);
        assertThat(fromClient.status()).isEqualTo(302);
        assertThat(fromClient.header("Location")).hasValue("http://localhost:" + port + "/login");

        ProxiedHttp.Response fromProxy = new ProxiedHttp(port, ProxiedHttp.TRUSTED_PROXY).get("/settlement/dashboard",
                Map.of("X-Forwarded-Host", "billflow.example.com", "X-Forwarded-Proto", "https"));
        assertThat(fromProxy.header("Location")).as("the proxy's word counts")
                .hasValue("https://billflow.example.com/login");
    }

    @Test
    void billflowsOwnPagesCarryAContentSecurityPolicy() {
        TestHttp anonymous = new TestHttp(port);
        assertPolicy(anonymous.get("/"));
        assertPolicy(anonymous.get("/login"));
        HttpResponse<String> portal = anonymous.get("/portal/access/no-such-link");
        assertPolicy(portal);
        assertThat(portal.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("the portal is never framed").endsWith("frame-ancestors 'none'");
        TestHttp manager = new TestHttp(port);
        manager.login("manager", "manager");
        HttpResponse<String> dashboard = manager.get("/settlement/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertPolicy(dashboard);
        TestHttp admin = new TestHttp(port);
        admin.login("admin", "admin");
        assertPolicy(admin.get("/dev/mailbox"));
        assertPolicy(anonymous.getBasic("/api/me", "operator", "operator"));
    }

    @Test
    void camundasWebappsKeepTheirOwnPolicyAndStillOpen() {
        TestHttp operator = new TestHttp(port);
        operator.login("operator", "operator");
        HttpResponse<String> tasklist = operator.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("Camunda's policy alone: a second one would apply too and break the app").hasSize(1);
        assertThat(policies.get(0)).doesNotContain("style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    }

    @Test
    void theDevPagesAreForTheAdminOnly() {
        TestHttp operator = new TestHttp(port);
        operator.login("operator", "operator");
        assertThat(operator.get("/dev/mailbox").statusCode()).isEqualTo(403);
        assertThat(operator.postBytes("/dev/test-certificates/1", "operator", "operator").statusCode()).isEqualTo(403);
        HttpResponse<String> texts = operator.getBasic("/api/dev/text-messages", "operator", "operator");
        assertThat(texts.statusCode()).isEqualTo(403);
        assertThat(texts.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(operator.getBasic("/api/dev/text-messages", "manager", "manager").statusCode()).isEqualTo(403);
        assertThat(operator.getBasic("/api/dev/text-messages", "api-client", "api-client").statusCode()).isEqualTo(403);

        TestHttp admin = new TestHttp(port);
        admin.login("admin", "admin");
        assertThat(admin.get("/dev/mailbox").statusCode()).isEqualTo(200);
        assertThat(admin.getBasic("/api/dev/text-messages", "admin", "admin").statusCode()).isEqualTo(200);
    }

    private String cookie(String from, String path, String name) {
        ProxiedHttp.Response response = new ProxiedHttp(port, from).get(path, HTTPS);
        return response.headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie from " + path + ": " + response.headers()));
    }

    private static void assertPolicy(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Content-Security-Policy")).as(response.uri().toString())
                .singleElement().satisfies(policy -> assertThat(policy)
                        .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors"));
    }
}
