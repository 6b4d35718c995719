package io.billflow.platform.throttle;

import java.util.Map;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.stereotype.Component;

/**
 * A sign-in refused by the throttle is a refusal like a wrong password: Spring Security publishes failure events
 * only for the exceptions it knows, so ours is mapped to "locked", which SignInAuditListener records as
 * {@code SIGN_IN_REFUSED} (detail {@code SignInThrottledException}).
 */
@Component
class ThrottledSignInEvents {

    ThrottledSignInEvents(AuthenticationEventPublisher events) {
        if (events instanceof DefaultAuthenticationEventPublisher publisher) {
            publisher.setAdditionalExceptionMappings(
                    Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        }
    }
}
