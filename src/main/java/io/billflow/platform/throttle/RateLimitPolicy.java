package io.billflow.platform.throttle;

/** A named limit, e.g. {@code sign-in-account}; the name is what a 429 problem, the metric and the audit show. */
public record RateLimitPolicy(String name, ThrottleProperties.Limit limit) {
}
