package io.billflow.platform.throttle;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * A limit reached: 429 with {@code Retry-After}; a problem naming the limit for machines and {@code /api} callers,
 * a Korean page for a person's browser. Ahead of the general advice, whose catch-all would make it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RateLimitAdvice {

    public static final URI TYPE = URI.create("https://billflow.io/problems/rate-limit");

    @ExceptionHandler(RateLimitExceededException.class)
    public Object tooMany(RateLimitExceededException e, HttpServletRequest request, HttpServletResponse response) {
        if (wantsPage(request)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            ModelAndView page = new ModelAndView("throttled");
            page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            page.addObject("message", e.messageKo());
            return page;
        }
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(e, request.getRequestURI()));
    }

    public static ProblemDetail problem(RateLimitExceededException e, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setType(TYPE);
        problem.setTitle("Too Many Requests");
        problem.setInstance(URI.create(instance));
        problem.setProperty("limit", e.policy());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        problem.setProperty("messageKo", e.messageKo());
        return problem;
    }

    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && !path.startsWith("/portal/api/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
