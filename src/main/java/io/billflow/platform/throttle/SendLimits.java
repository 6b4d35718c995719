package io.billflow.platform.throttle;

import org.springframework.stereotype.Component;

/**
 * Limits on everything that sends a code or a link to a person (payout-account change codes, settlement
 * confirmation codes, individuals' sign-in codes, portal invitations): per target (the mobile or e-mail it goes
 * to, whatever the path) and per requester (the staff user or portal visitor who asked). Call it before sending,
 * in the sending transaction: a refused or rolled-back send counts nothing.
 */
@Component
public class SendLimits {

    public static final String CODE_TARGET = "code-target";
    public static final String CODE_REQUESTER = "code-requester";
    public static final String LINK_TARGET = "link-target";
    public static final String LINK_REQUESTER = "link-requester";

    private final RateLimiter limiter;
    private final ThrottleProperties properties;

    public SendLimits(RateLimiter limiter, ThrottleProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
        // fail at start, not at the first send, if a limit is missing
        properties.policy(CODE_TARGET);
        properties.policy(CODE_REQUESTER);
        properties.policy(LINK_TARGET);
        properties.policy(LINK_REQUESTER);
    }

    /** Before texting a one-time code to {@code mobile}; throws {@link RateLimitExceededException} over a limit. */
    public void beforeCode(String mobile, String requester) {
        limiter.acquire(properties.policy(CODE_REQUESTER), requester);
        limiter.acquire(properties.policy(CODE_TARGET), RateLimiter.hashed("mobile", mobile));
    }

    /** Before sending a link (an invitation) to a target such as {@code partner:42}. */
    public void beforeLink(String target, String requester) {
        limiter.acquire(properties.policy(LINK_REQUESTER), requester);
        limiter.acquire(properties.policy(LINK_TARGET), target);
    }
}
