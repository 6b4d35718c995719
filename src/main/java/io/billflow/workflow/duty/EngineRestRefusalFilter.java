package io.billflow.workflow.duty;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Around Camunda's REST resources ({@code /engine-rest/*} and the webapps' {@code /camunda/api/engine/*}, which
 * Tasklist submits forms to): a task refused by a separation-of-duty rule or for want of a signed-in user is
 * answered {@code 403 application/problem+json} instead of Camunda's 500 with the engine's exception text. Only
 * calls that can complete a task (POST) are buffered; everything else streams through untouched.
 */
public class EngineRestRefusalFilter extends OncePerRequestFilter {

    public static final URI TYPE = URI.create("https://billflow.io/problems/task-refused");

    private final ObjectMapper objectMapper;

    public EngineRestRefusalFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        TaskRefusals.Scope scope = TaskRefusals.open();
        TaskRefusedException refusal;
        try {
            chain.doFilter(request, buffered);
        } finally {
            refusal = TaskRefusals.close(scope);
        }
        if (refusal == null) {
            buffered.copyBodyToResponse();
            return;
        }
        buffered.resetBuffer();
        ProblemDetail problem = problem(refusal);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The problem for a refusal; {@code message} as well, because Tasklist shows that property of an error. */
    public static ProblemDetail problem(TaskRefusedException refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal.getMessage());
        problem.setType(TYPE);
        problem.setTitle("Task refused");
        problem.setProperty("rule", refusal.rule());
        problem.setProperty("message", refusal.getMessage());
        return problem;
    }
}
