package io.billflow.platform.security;

import java.io.IOException;

import io.billflow.platform.throttle.SignInThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** The login form after a refusal: {@code ?error} for a wrong password, {@code ?throttled} while locked out. */
class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        if (exception instanceof SignInThrottledException throttled) {
            long minutes = Math.max(1, (throttled.limit().retryAfterSeconds() + 59) / 60);
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }
}
