package io.billflow.platform.audit;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records interactive staff sign-ins and every refused credential. Successful HTTP Basic calls are
 * not recorded one by one (a system calls thousands of times a day); their refusals are.
 */
@Component
public class SignInAuditListener {

    private static final int MAX_ACTOR = 255;

    private final AuditLog auditLog;
    private final Clock clock;

    public SignInAuditListener(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        auditLog.save(AuditEntry.of(clock.instant(), truncate(event.getAuthentication().getName()),
                "SIGN_IN", "staff", event.getAuthentication().getName(), null));
    }

    @EventListener
    public void refused(AbstractAuthenticationFailureEvent event) {
        auditLog.save(AuditEntry.of(clock.instant(), truncate(event.getAuthentication().getName()),
                "SIGN_IN_REFUSED", "staff", truncate(event.getAuthentication().getName()),
                event.getException().getClass().getSimpleName()));
    }

    private static String truncate(String value) {
        String safe = value == null || value.isBlank() ? "(none)" : value;
        return safe.length() > MAX_ACTOR ? safe.substring(0, MAX_ACTOR) : safe;
    }
}
