package io.billflow.platform.throttle;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password: the account or the client address is locked out for now. */
public class SignInThrottledException extends AuthenticationException {

    private final transient RateLimitExceededException limit;

    public SignInThrottledException(RateLimitExceededException limit) {
        super(limit.getMessage());
        this.limit = limit;
    }

    public RateLimitExceededException limit() {
        return limit;
    }

    public Duration retryAfter() {
        return limit.retryAfter();
    }
}
