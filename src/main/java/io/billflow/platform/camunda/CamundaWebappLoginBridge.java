package io.billflow.platform.camunda;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.platform.throttle.RateLimitAdvice;
import io.billflow.platform.throttle.SignInThrottledException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the login form of Tasklist/Cockpit/Admin sign in to the whole application.
 *
 * <p>After a logout inside a Camunda webapp, the single-page app shows its own login form, which
 * posts {@code username}/{@code password} to {@code /camunda/api/admin/auth/user/{engine}/login/{app}}.
 * This filter authenticates those credentials with our {@link AuthenticationManager} and stores the
 * Spring session, then lets the request go on to Camunda, which answers the form as usual. Wrong
 * credentials are left to Camunda to refuse (401). While the account or the client address is locked out
 * ({@code SignInThrottle}), the request stops here with a 429 problem: Camunda never sees the password.
 */
public class CamundaWebappLoginBridge extends OncePerRequestFilter {

    private static final Pattern LOGIN_PATH = Pattern.compile("/api/admin/auth/user/[^/]+/login/[^/]+");

    private final String webappPath;
    private final AuthenticationManager authenticationManager;
    private final ObjectMapper objectMapper;

    public CamundaWebappLoginBridge(String webappPath, AuthenticationManager authenticationManager,
                                    ObjectMapper objectMapper) {
        this.webappPath = webappPath;
        this.authenticationManager = authenticationManager;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
                || !path.startsWith(webappPath)
                || !LOGIN_PATH.matcher(path.substring(webappPath.length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authenticated;
        try {
            authenticated = authenticate(request, request.getParameter("username"), request.getParameter("password"));
        } catch (SignInThrottledException throttled) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.limit().retryAfterSeconds()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(),
                    RateLimitAdvice.problem(throttled.limit(), request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
        // Camunda replaces the session on login (session-fixation protection), so our context is
        // stored afterwards, in the session Camunda's response hands to the browser.
        if (authenticated != null && response.getStatus() == HttpServletResponse.SC_OK) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authenticated);
            request.getSession(true).setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    private Authentication authenticate(HttpServletRequest request, String username, String password) {
        if (username == null || password == null) {
            return null;
        }
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        try {
            return authenticationManager.authenticate(attempt);
        } catch (SignInThrottledException throttled) {
            throw throttled;
        } catch (AuthenticationException refused) {
            return null; // Camunda's login resource answers 401 itself
        }
    }
}
