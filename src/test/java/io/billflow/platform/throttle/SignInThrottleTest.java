package io.billflow.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.ProxiedHttp;
import io.billflow.TestHttp;
import io.billflow.platform.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 §3: ten wrong passwords locked any account, admin included, for good (Camunda's loginMaxAttempts).
 * Now failures are throttled per account and per client address, on every path a password is checked, with
 * lockouts that end by themselves, an admin unlock, an audit entry and a metric.
 */
@BillflowSpringTest
class SignInThrottleTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    MovableClock clock;

    @Autowired
    RateLimiter limiter;

    @Autowired
    ThrottleProperties properties;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MeterRegistry meters;

    TestHttp http;

    @BeforeEach
    void browser() {
        http = new TestHttp(port);
    }

    @AfterEach
    void realTimeAndAFreshAddress() {
        clock.reset();
        // the whole suite signs in from here: what these tests counted against it must not lock the others out
        limiter.clear(SignInThrottle.ADDRESS, "127.0.0.1");
        limiter.clear(SignInThrottle.ADDRESS, "0:0:0:0:0:0:0:1");
    }

    @Test
    void tenWrongPasswordsLockTheAccountOnlyUntilTheLockoutEnds() {
        String user = newStaffUser();
        int max = properties.policy(SignInThrottle.ACCOUNT).limit().max();
        assertThat(max).as("the attack of the issue is within the limit").isLessThanOrEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(http.getBasic("/api/me", user, "wrong-" + i).statusCode()).as("attempt %d", i).isEqualTo(401);
        }

        HttpResponse<String> locked = http.getBasic("/api/me", user, "right-password");
        assertThat(locked.statusCode()).as("the right password while locked out").isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(locked.body()).contains("\"limit\":\"sign-in-account\"");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        Duration lockout = properties.policy(SignInThrottle.ACCOUNT).limit().lockout();
        assertThat(retryAfter).isPositive().isLessThanOrEqualTo(lockout.toSeconds());

        clock.advance(lockout.plusSeconds(1));
        HttpResponse<String> later = http.getBasic("/api/me", user, "right-password");
        assertThat(later.statusCode()).as("after the lockout the right password works again: " + later.body())
                .isEqualTo(200);
        assertThat(later.body()).contains("\"userId\":\"" + user + "\"");
    }

    enum SignInPath { LOGIN_FORM, API_BASIC, ENGINE_REST_BASIC, ACTUATOR_BASIC, CAMUNDA_LOGIN_FORM }

    @ParameterizedTest
    @EnumSource(SignInPath.class)
    void everyPathCountsFailuresAndRefusesALockedAccount(SignInPath path) {
        String user = newStaffUser();
        int max = properties.policy(SignInThrottle.ACCOUNT).limit().max();
        for (int i = 0; i < max; i++) {
            assertThat(refusedAsWrong(path, user, "wrong-" + i)).as("attempt %d on %s", i, path).isTrue();
        }
        assertThrottled(path, user, "right-password");
        // one lock for the account, whatever path locked it
        assertThat(http.getBasic("/api/me", user, "right-password").statusCode()).isEqualTo(429);
    }

    @Test
    void anAddressThatTriesManyAccountsIsLockedOutButOnlyThatAddress() {
        String sprayer = "203.0.113." + (10 + SEQUENCE.incrementAndGet() % 200);
        ProxiedHttp viaProxy = new ProxiedHttp(port, ProxiedHttp.TRUSTED_PROXY);
        int max = properties.policy(SignInThrottle.ADDRESS).limit().max();
        for (int i = 0; i < max; i++) {
            ProxiedHttp.Response refused = viaProxy.get("/api/me", Map.of("X-Forwarded-For", sprayer,
                    "Authorization", TestHttp.basic("spray-" + System.nanoTime() + "-" + i, "guess")));
            assertThat(refused.status()).as("attempt %d", i).isEqualTo(401);
        }

        ProxiedHttp.Response blocked = viaProxy.get("/api/me", Map.of("X-Forwarded-For", sprayer,
                "Authorization", TestHttp.basic("operator", "operator")));
        assertThat(blocked.status()).as("even a right password from that address").isEqualTo(429);
        assertThat(blocked.body()).contains("\"limit\":\"sign-in-address\"");
        assertThat(blocked.header("Retry-After")).isPresent();

        assertThat(http.getBasic("/api/me", "operator", "operator").statusCode()).as("other addresses").isEqualTo(200);
        ProxiedHttp.Response untrusted = new ProxiedHttp(port, ProxiedHttp.UNTRUSTED_CLIENT).get("/api/me",
                Map.of("X-Forwarded-For", sprayer, "Authorization", TestHttp.basic("operator", "operator")));
        assertThat(untrusted.status()).as("a client's own X-Forwarded-For names no address").isEqualTo(200);

        HttpResponse<String> lifted = http.deleteBasic("/api/admin/security/lockouts?address=" + sprayer, "admin", "admin");
        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(lifted.body()).contains("\"lifted\":true");
        assertThat(viaProxy.get("/api/me", Map.of("X-Forwarded-For", sprayer,
                "Authorization", TestHttp.basic("operator", "operator"))).status()).isEqualTo(200);
    }

    @Test
    void operationsSeeTheLockoutAndTheAdminLiftsIt() {
        double lockoutsBefore = lockoutsOnPrometheus();
        String user = newStaffUser();
        int max = properties.policy(SignInThrottle.ACCOUNT).limit().max();
        for (int i = 0; i < max; i++) {
            http.getBasic("/api/me", user, "wrong-" + i);
        }

        assertThat(lockoutsOnPrometheus()).as("billflow_throttle_lockouts_total{policy=sign-in-account}")
                .isEqualTo(lockoutsBefore + 1);
        assertThat(auditLog.findTop50ByActorOrderByOccurredAtDesc("(sign-in throttle)")).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("SIGN_IN_LOCKED_OUT");
            assertThat(entry.subjectId()).isEqualTo(user);
            assertThat(entry.detail()).contains(max + " failed sign-ins");
        });

        assertThat(http.getBasic("/api/admin/security/lockouts", "operator", "operator").statusCode())
                .as("who is under attack is the admin's to know").isEqualTo(403);
        HttpResponse<String> list = http.getBasic("/api/admin/security/lockouts", "admin", "admin");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"subject\":\"" + user + "\"", "\"policy\":\"sign-in-account\"");

        assertThat(http.deleteBasic("/api/admin/security/lockouts/" + user, "operator", "operator").statusCode())
                .isEqualTo(403);
        double refusedBefore = refusals(SignInThrottle.ACCOUNT);
        assertThat(http.getBasic("/api/me", user, "right-password").statusCode()).as("still locked").isEqualTo(429);
        assertThat(refusals(SignInThrottle.ACCOUNT)).as("billflow_throttle_refusals_total{policy=sign-in-account}")
                .isEqualTo(refusedBefore + 1);
        assertThat(auditLog.findTop50ByActorOrderByOccurredAtDesc(user)).as("a throttled sign-in is a refusal too")
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("SIGN_IN_REFUSED");
                    assertThat(entry.detail()).isEqualTo("SignInThrottledException");
                });
        HttpResponse<String> unlocked = http.deleteBasic("/api/admin/security/lockouts/" + user, "admin", "admin");
        assertThat(unlocked.statusCode()).isEqualTo(200);
        assertThat(unlocked.body()).contains("\"lifted\":true");
        assertThat(http.getBasic("/api/me", user, "right-password").statusCode()).isEqualTo(200);
        assertThat(auditLog.findTop50ByActorOrderByOccurredAtDesc("admin")).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("SIGN_IN_UNLOCKED");
            assertThat(entry.subjectId()).isEqualTo(user);
        });
    }

    private boolean refusedAsWrong(SignInPath path, String user, String password) {
        return switch (path) {
            case LOGIN_FORM -> {
                TestHttp browser = new TestHttp(port);
                yield browser.login(user, password).headers().firstValue("Location").orElse("").endsWith("/login?error");
            }
            case API_BASIC -> http.getBasic("/api/me", user, password).statusCode() == 401;
            case ENGINE_REST_BASIC -> http.getBasic("/engine-rest/process-definition", user, password).statusCode() == 401;
            case ACTUATOR_BASIC -> http.getBasic("/actuator/metrics", user, password).statusCode() == 401;
            case CAMUNDA_LOGIN_FORM -> camundaLogin(user, password).statusCode() == 401;
        };
    }

    private void assertThrottled(SignInPath path, String user, String password) {
        switch (path) {
            case LOGIN_FORM -> {
                TestHttp browser = new TestHttp(port);
                String location = browser.login(user, password).headers().firstValue("Location").orElseThrow();
                assertThat(location).contains("/login?throttled");
                assertThat(browser.get(location.substring(location.indexOf("/login"))).body())
                        .contains("로그인 시도가 너무 많아");
                assertThat(browser.get("/api/me").statusCode()).as("not signed in").isEqualTo(401);
            }
            case API_BASIC -> assertProblem429(http.getBasic("/api/me", user, password));
            case ENGINE_REST_BASIC -> assertProblem429(http.getBasic("/engine-rest/process-definition", user, password));
            case ACTUATOR_BASIC -> assertProblem429(http.getBasic("/actuator/metrics", user, password));
            case CAMUNDA_LOGIN_FORM -> assertProblem429(camundaLogin(user, password));
        }
    }

    private static void assertProblem429(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"limit\":\"sign-in-account\"");
    }

    private HttpResponse<String> camundaLogin(String user, String password) {
        TestHttp webapp = new TestHttp(port);
        webapp.get("/camunda/api/admin/auth/user/default"); // the single-page app's CSRF cookie
        return webapp.postCamunda("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + user + "&password=" + password);
    }

    /** Spring Boot's tests keep the Prometheus export off: the counter it would export, from the registry. */
    private double lockoutsOnPrometheus() {
        Counter counter = meters.find("billflow.throttle.lockouts").tag("policy", "sign-in-account").counter();
        return counter == null ? 0 : counter.count();
    }

    private double refusals(String policy) {
        Counter counter = meters.find("billflow.throttle.refusals").tag("policy", policy).counter();
        return counter == null ? 0 : counter.count();
    }

    private String newStaffUser() {
        String id = "throttle-" + System.nanoTime() % 100_000_000 + "-" + SEQUENCE.incrementAndGet();
        User user = identityService.newUser(id);
        user.setPassword("right-password");
        identityService.saveUser(user);
        identityService.createMembership(id, "operations");
        return id;
    }
}
