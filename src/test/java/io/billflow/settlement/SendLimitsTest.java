package io.billflow.settlement;

import static io.billflow.settlement.SettlementFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.billflow.BillflowSpringTest;
import io.billflow.MovableClock;
import io.billflow.ProxiedHttp;
import io.billflow.TestHttp;
import io.billflow.platform.throttle.PortalAccessThrottleFilter;
import io.billflow.platform.throttle.SendLimits;
import io.billflow.platform.throttle.ThrottleProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 §6: 27 payout-account change codes reached one mobile in 3.5 minutes. Every path that sends a code or a
 * link has a limit per target and per requester; the portal's entry points one per client address. The limits
 * come from the test profile and are reached with this test's own mobiles, users and addresses.
 */
@BillflowSpringTest
class SendLimitsTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    ThrottleProperties properties;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    TestHttp http;
    SettlementFixtures fixtures;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void payoutAccountChangeCodesToOneMobileStopAtTheLimitUntilItsWindowEnds() {
        String mobile = newMobile();
        long group = groupTextingTo(mobile);
        String requester = newSettlementManager();
        ThrottleProperties.Limit limit = properties.policy(SendLimits.CODE_TARGET).limit();
        for (int i = 0; i < limit.max(); i++) {
            assertThat(requestChange(group, requester).statusCode()).as("code %d", i + 1).isEqualTo(201);
        }

        HttpResponse<String> refused = requestChange(group, requester);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(refused).get("limit").asText()).isEqualTo(SendLimits.CODE_TARGET);
        assertThat(json(refused).get("messageKo").asText()).contains("요청이 너무 많아");
        assertThat(changeRequests(group)).as("the refused request wrote and sent nothing").isEqualTo(limit.max());

        // another staff user changes nothing: the limit is the mobile's
        assertThat(requestChange(group, newSettlementManager()).statusCode()).isEqualTo(429);

        clock.advance(limit.lockout().plusSeconds(1));
        assertThat(requestChange(group, requester).statusCode()).as("after the window").isEqualTo(201);
    }

    @Test
    void oneRequesterStopsAtItsLimitWhateverMobilesItTexts() {
        String requester = newSettlementManager();
        int max = properties.policy(SendLimits.CODE_REQUESTER).limit().max();
        int perMobile = properties.policy(SendLimits.CODE_TARGET).limit().max();
        int groupsNeeded = max / perMobile + 1;
        List<Long> groups = java.util.stream.IntStream.range(0, groupsNeeded).mapToObj(i -> groupTextingTo(newMobile()))
                .toList();
        for (int i = 0; i < max; i++) {
            long group = groups.get(i % groups.size());
            assertThat(requestChange(group, requester).statusCode()).as("code %d", i + 1).isEqualTo(201);
        }
        HttpResponse<String> refused = requestChange(groups.get(0), requester);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("limit").asText()).isEqualTo(SendLimits.CODE_REQUESTER);
        assertThat(requestChange(groups.get(0), newSettlementManager()).statusCode())
                .as("another requester, same mobile below its limit").isEqualTo(201);
    }

    @Test
    void portalInvitationsToOnePartnerStopAtTheLimit() {
        long partner = fixtures.businessPartner("(주)초대한도");
        int max = properties.policy(SendLimits.LINK_TARGET).limit().max();
        for (int i = 0; i < max; i++) {
            assertThat(invite(partner).statusCode()).as("invitation %d", i + 1).isEqualTo(201);
        }
        HttpResponse<String> refused = invite(partner);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("limit").asText()).isEqualTo(SendLimits.LINK_TARGET);
        assertThat(invite(fixtures.businessPartner("(주)다른파트너")).statusCode()).isEqualTo(201);
    }

    @Test
    void thePortalEntryPointsAreThrottledPerClientAddress() {
        String visitor = "198.51.100." + (10 + SEQUENCE.incrementAndGet() % 200);
        ProxiedHttp viaProxy = new ProxiedHttp(port, ProxiedHttp.TRUSTED_PROXY);
        Map<String, String> from = Map.of("X-Forwarded-For", visitor, "Accept", "text/html");
        int max = properties.policy(PortalAccessThrottleFilter.POLICY).limit().max();
        for (int i = 0; i < max; i++) {
            assertThat(viaProxy.get("/portal/access/guess-" + i, from).status()).as("visit %d", i + 1).isNotEqualTo(429);
        }
        ProxiedHttp.Response refused = viaProxy.get("/portal/access/guess-more", from);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(refused.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body()).contains("요청이 너무 많아", "data-limit=\"portal-access-address\"");

        assertThat(viaProxy.get("/portal/access/guess-more", Map.of("X-Forwarded-For", "198.51.100.250")).status())
                .as("another address").isNotEqualTo(429);
    }

    private HttpResponse<String> requestChange(long group, String requester) {
        return http.postJson("/api/settlement/groups/" + group + "/payout-account/change-requests",
                SettlementPayoutAccountApiTest.NEW_ACCOUNT, requester, requester);
    }

    private HttpResponse<String> invite(long partner) {
        return http.postJson("/api/partners/" + partner + "/portal-invitations", "", "operator", "operator");
    }

    private int changeRequests(long group) {
        return jdbc.queryForObject("select count(*) from settlement_payout_change_request where group_id = ?",
                Integer.class, group);
    }

    private long groupTextingTo(String mobile) {
        long partner = fixtures.businessPartner("(주)문자한도" + SEQUENCE.incrementAndGet());
        String body = SettlementFixtures.groupJson(partner, "문자한도" + SEQUENCE.get(), List.of("매체"),
                SettlementFixtures.account("088", "110-123-456789", "홍길동"))
                .replace("\"verificationMobile\":\"010-2345-6789\"", "\"verificationMobile\":\"" + mobile + "\"");
        assertThat(body).contains(mobile);
        HttpResponse<String> created = fixtures.createGroup(body, "manager");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    private static String newMobile() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "010-%04d-%04d".formatted(1000 + random.nextInt(9000), random.nextInt(10_000));
    }

    private String newSettlementManager() {
        String id = "sender-" + System.nanoTime() % 100_000_000 + "-" + SEQUENCE.incrementAndGet();
        User user = identityService.newUser(id);
        user.setPassword(id);
        identityService.saveUser(user);
        identityService.createMembership(id, "settlement-managers");
        return id;
    }
}
