package io.billflow.platform.throttle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's entry points ({@code /portal/access/**}: a link, the business number, an individual's code) are
 * open to anyone holding or guessing a link: every request there counts against the client address
 * ({@code portal-access-address}). Over the limit, a Korean page (429, {@code Retry-After}) until the lockout ends.
 */
public class PortalAccessThrottleFilter extends OncePerRequestFilter {

    public static final String POLICY = "portal-access-address";

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;

    public PortalAccessThrottleFilter(RateLimiter limiter, ThrottleProperties properties) {
        this.limiter = limiter;
        this.policy = properties.policy(POLICY);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/portal/access/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = ClientAddress.of(request);
        Optional<Duration> blocked = limiter.blockedFor(policy, address);
        if (blocked.isPresent()) {
            refuse(response, limiter.refused(policy, blocked.get()));
            return;
        }
        limiter.hit(policy, address);
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, RateLimitExceededException e) throws IOException {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = ("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"UTF-8\"><title>잠시 후 다시 시도해 주세요 · "
                + "billflow</title><link rel=\"stylesheet\" href=\"/css/billflow.css\"></head><body><header><h1>billflow"
                + "</h1></header><main><div class=\"notice error\" role=\"alert\" data-limit=\"" + POLICY + "\">"
                + HtmlUtils.htmlEscape(e.messageKo()) + "<br>Too many requests from your address; please try again "
                + "later.</div></main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
