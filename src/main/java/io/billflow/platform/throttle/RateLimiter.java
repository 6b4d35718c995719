package io.billflow.platform.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in PostgreSQL ({@code rate_limit_counter}), so that every node of a cluster sees the same
 * count and a lockout survives a restart. One atomic upsert per hit; a lockout ends by itself at
 * {@code locked_until}. Runs in the caller's transaction when there is one (a refused or rolled-back send counts
 * nothing). Refusals are counted on {@code billflow_throttle_refusals_total{policy}}, lockouts on
 * {@code billflow_throttle_lockouts_total{policy}}.
 */
@Component
class RateLimiter {

    private static final int MAX_SUBJECT = 256;

    // A window that is over (or starts in the future: the clock went back) and is not locked starts again at this hit;
    // the hit reaching the limit locks. A lock ending later than one lockout from now is from a clock that went back.
    private static final String FRESH = "(c.window_start <= :windowFloor or c.window_start > :now) "
            + "and (c.locked_until is null or c.locked_until <= :now or c.locked_until > :lockedUntil)";
    private static final String HIT = """
            insert into rate_limit_counter as c (policy, subject, window_start, hits, locked_until)
            values (:policy, :subject, :now, 1, case when 1 >= :max then cast(:lockedUntil as timestamptz) end)
            on conflict (policy, subject) do update set
              window_start = case when %1$s then :now else c.window_start end,
              hits = case when %1$s then 1 else c.hits + 1 end,
              locked_until = case when c.locked_until > :now and c.locked_until <= :lockedUntil then c.locked_until
                                  when (case when %1$s then 1 else c.hits + 1 end) >= :max
                                      then cast(:lockedUntil as timestamptz)
                                  else null end
            returning hits, locked_until
            """.formatted(FRESH);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    public RateLimiter(NamedParameterJdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /** What one hit did: the count in the window, and whether this hit started a lockout. */
    public record Hit(int hits, Instant lockedUntil, boolean lockoutStarted) {
    }

    /** A subject locked now. */
    public record Lockout(String policy, String subject, int hits, Instant lockedUntil) {
    }

    /** How long the subject is still locked under the policy, if it is. */
    public Optional<Duration> blockedFor(RateLimitPolicy policy, String subject) {
        Instant now = now();
        List<Timestamp> until = jdbc.queryForList("select locked_until from rate_limit_counter where policy = :policy "
                        + "and subject = :subject and locked_until > :now and locked_until <= :longest",
                params(policy, subject).addValue("now", Timestamp.from(now))
                        .addValue("longest", Timestamp.from(now.plus(policy.limit().lockout()))), Timestamp.class);
        return until.stream().findFirst().map(t -> Duration.between(now, t.toInstant()));
    }

    /** Counts one hit (a failed sign-in, a sent code). */
    public Hit hit(RateLimitPolicy policy, String subject) {
        Instant now = now();
        Instant lockedUntil = now.plus(policy.limit().lockout());
        MapSqlParameterSource params = params(policy, subject).addValue("now", Timestamp.from(now))
                .addValue("max", policy.limit().max())
                .addValue("windowFloor", Timestamp.from(now.minus(policy.limit().window())))
                .addValue("lockedUntil", Timestamp.from(lockedUntil));
        Hit hit = jdbc.queryForObject(HIT, params, (rs, n) -> {
            Timestamp until = rs.getTimestamp("locked_until");
            Instant locked = until == null ? null : until.toInstant();
            return new Hit(rs.getInt("hits"), locked, lockedUntil.equals(locked));
        });
        if (hit.lockoutStarted()) {
            Counter.builder("billflow.throttle.lockouts").description("Lockouts started, by limit")
                    .tag("policy", policy.name()).register(meters).increment();
        }
        return hit;
    }

    /**
     * For an action limited in number (sending a code or a link): refused while locked, else counted. The hit that
     * reaches the limit still passes; the next ones are refused until the lockout ends.
     */
    public void acquire(RateLimitPolicy policy, String subject) {
        Optional<Duration> blocked = blockedFor(policy, subject);
        if (blocked.isPresent()) {
            throw refused(policy, blocked.get());
        }
        hit(policy, subject);
    }

    /** Counts a refusal on the metric and returns the exception to throw. */
    public RateLimitExceededException refused(RateLimitPolicy policy, Duration retryAfter) {
        Counter.builder("billflow.throttle.refusals").description("Requests refused by a limit, by limit")
                .tag("policy", policy.name()).register(meters).increment();
        return new RateLimitExceededException(policy.name(), retryAfter);
    }

    /** Forgets the subject's count and lockout (a successful sign-in, an admin's unlock); true if there was one. */
    public boolean clear(String policy, String subject) {
        return jdbc.update("delete from rate_limit_counter where policy = :policy and subject = :subject",
                new MapSqlParameterSource("policy", policy).addValue("subject", cap(subject))) > 0;
    }

    public List<Lockout> lockouts(List<String> policies) {
        return jdbc.query("select policy, subject, hits, locked_until from rate_limit_counter "
                        + "where policy in (:policies) and locked_until > :now order by locked_until desc limit 500",
                new MapSqlParameterSource("policies", policies).addValue("now", Timestamp.from(now())),
                (rs, n) -> new Lockout(rs.getString("policy"), rs.getString("subject"), rs.getInt("hits"),
                        rs.getTimestamp("locked_until").toInstant()));
    }

    /** Counters whose window and lockout are over hold nothing anymore (a day is longer than any window). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purge() {
        Instant floor = now().minus(Duration.ofDays(1));
        jdbc.update("delete from rate_limit_counter where window_start < :floor "
                        + "and (locked_until is null or locked_until < :floor)",
                new MapSqlParameterSource("floor", Timestamp.from(floor)));
    }

    /**
     * The subject to count a mobile number or an e-mail address under: a SHA-256, so that the table holds no
     * contact data (the same contact always gives the same subject).
     */
    public static String hashed(String kind, String value) {
        String normalized = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + normalized).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: the same instant must come back to recognise "this hit locked"
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static MapSqlParameterSource params(RateLimitPolicy policy, String subject) {
        return new MapSqlParameterSource("policy", policy.name()).addValue("subject", cap(subject));
    }

    private static String cap(String subject) {
        String safe = subject == null || subject.isBlank() ? "(none)" : subject;
        return safe.length() > MAX_SUBJECT ? safe.substring(0, MAX_SUBJECT) : safe;
    }
}
