package io.billflow.platform.throttle;

import java.time.Duration;

/**
 * A request refused because a limit is reached: 429 with {@code Retry-After} for machines
 * ({@link RateLimitAdvice}), {@link #messageKo()} on the page of a person.
 */
public class RateLimitExceededException extends RuntimeException {

    private final String policy;
    private final Duration retryAfter;

    public RateLimitExceededException(String policy, Duration retryAfter) {
        super("Too many requests: limit " + policy + " reached; try again in " + seconds(retryAfter) + " s");
        this.policy = policy;
        this.retryAfter = retryAfter;
    }

    public String policy() {
        return policy;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** For a person: what happened and when to try again, in Korean. */
    public String messageKo() {
        return "요청이 너무 많아 잠시 막아 두었습니다. " + minutesKo(retryAfter) + " 뒤에 다시 시도해 주세요. "
                + "급하면 운영팀에 문의해 주세요.";
    }

    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    static String minutesKo(Duration duration) {
        long seconds = seconds(duration);
        return seconds < 60 ? seconds + "초" : ((seconds + 59) / 60) + "분";
    }
}
