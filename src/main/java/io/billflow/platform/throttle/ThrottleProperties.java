package io.billflow.platform.throttle;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of {@link RateLimiter}, by policy name ({@code billflow.throttle.limits.<policy>}); every policy the
 * application uses must be configured (application.yml has them all), so a typo fails at start, not in an attack.
 */
@ConfigurationProperties("billflow.throttle")
public record ThrottleProperties(Map<String, Limit> limits) {

    public ThrottleProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /**
     * At most {@code max} hits within {@code window} (a fixed window from its first hit); the hit that reaches
     * {@code max} locks the subject for {@code lockout}, which ends by itself.
     */
    public record Limit(int max, Duration window, Duration lockout) {
        public Limit {
            if (max < 1 || window == null || window.isNegative() || window.isZero() || lockout == null
                    || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("a limit needs max >= 1 and a positive window and lockout");
            }
        }
    }

    public RateLimitPolicy policy(String name) {
        Limit limit = limits.get(name);
        if (limit == null) {
            throw new IllegalStateException("billflow.throttle.limits." + name + " is not configured");
        }
        return new RateLimitPolicy(name, limit);
    }
}
