package io.billflow.platform.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Failed staff sign-ins, counted per account and per client address in the shared {@link RateLimiter}, on every
 * path a password is checked (the login form, HTTP Basic on /api, /engine-rest, /actuator and the webapps, the
 * webapps' own login form). A locked account or address is refused before its password is looked at, until the
 * lockout ends by itself or an admin lifts it. Camunda's own counter, which locked an account for good, is off
 * (application.yml: {@code loginMaxAttempts}, {@code loginDelayBase}).
 */
@Component
public class SignInThrottle {

    public static final String ACCOUNT = "sign-in-account";
    public static final String ADDRESS = "sign-in-address";

    private final RateLimiter limiter;
    private final RateLimitPolicy account;
    private final RateLimitPolicy address;
    private final AuditLog auditLog;
    private final Clock clock;

    public SignInThrottle(RateLimiter limiter, ThrottleProperties properties, AuditLog auditLog, Clock clock) {
        this.limiter = limiter;
        this.account = properties.policy(ACCOUNT);
        this.address = properties.policy(ADDRESS);
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Throws while the account or the address is locked out. */
    public void check(String userId, String clientAddress) {
        Optional<Duration> accountBlocked = limiter.blockedFor(account, userId);
        Optional<Duration> addressBlocked = limiter.blockedFor(address, clientAddress);
        if (accountBlocked.isPresent() || addressBlocked.isPresent()) {
            Duration wait = max(accountBlocked.orElse(Duration.ZERO), addressBlocked.orElse(Duration.ZERO));
            RateLimitPolicy policy = accountBlocked.isPresent() ? account : address;
            throw new SignInThrottledException(limiter.refused(policy, wait));
        }
    }

    public void failed(String userId, String clientAddress) {
        RateLimiter.Hit byAccount = limiter.hit(account, userId);
        if (byAccount.lockoutStarted()) {
            audit("(sign-in throttle)", "SIGN_IN_LOCKED_OUT", "staff", userId, lockedDetail(byAccount, clientAddress));
        }
        RateLimiter.Hit byAddress = limiter.hit(address, clientAddress);
        if (byAddress.lockoutStarted()) {
            audit("(sign-in throttle)", "SIGN_IN_LOCKED_OUT", "client-address", clientAddress,
                    lockedDetail(byAddress, "last account tried " + userId));
        }
    }

    /** The account's failures are forgotten; the address's are not (a valid account must not reset a sprayer). */
    public void succeeded(String userId) {
        limiter.clear(ACCOUNT, userId);
    }

    public List<RateLimiter.Lockout> lockouts() {
        return limiter.lockouts(List.of(ACCOUNT, ADDRESS));
    }

    /** An admin lifts the lockout of an account; true if there was a count to forget. */
    public boolean unlockAccount(String userId, String admin) {
        boolean had = limiter.clear(ACCOUNT, userId);
        audit(admin, "SIGN_IN_UNLOCKED", "staff", userId, had ? "lockout lifted" : "nothing to lift");
        return had;
    }

    public boolean unlockAddress(String clientAddress, String admin) {
        boolean had = limiter.clear(ADDRESS, clientAddress);
        audit(admin, "SIGN_IN_UNLOCKED", "client-address", clientAddress, had ? "lockout lifted" : "nothing to lift");
        return had;
    }

    private String lockedDetail(RateLimiter.Hit hit, String context) {
        return hit.hits() + " failed sign-ins; locked until " + hit.lockedUntil() + " (" + context + ")";
    }

    private void audit(String actor, String action, String type, String subject, String detail) {
        auditLog.save(AuditEntry.of(clock.instant(), cut(actor), action, type, cut(subject), detail));
    }

    private static String cut(String value) {
        String safe = value == null || value.isBlank() ? "(none)" : value;
        return safe.length() > 255 ? safe.substring(0, 255) : safe;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
