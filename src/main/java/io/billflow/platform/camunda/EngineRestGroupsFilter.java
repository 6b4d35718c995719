package io.billflow.platform.camunda;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /engine-rest} is for people (operations, settlement managers) and administrators. Systems
 * ({@code api-clients}) use billflow's {@code /api}, which validates what it starts; on {@code /engine-rest} they
 * would start and read the engine's processes unvalidated. Runs after Camunda's Basic filter has authenticated the
 * caller (401 stays Camunda's) and answers other callers 403 problem.
 */
public class EngineRestGroupsFilter extends OncePerRequestFilter {

    static final List<String> ALLOWED = List.of(StaffGroups.ADMIN, StaffGroups.OPERATIONS, StaffGroups.SETTLEMENT_MANAGERS);

    private final IdentityService identityService;
    private final ObjectMapper objectMapper;

    public EngineRestGroupsFilter(IdentityService identityService, ObjectMapper objectMapper) {
        this.identityService = identityService;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(ALLOWED::contains)) {
            chain.doFilter(request, response); // nobody authenticated: Camunda's filter has answered 401 already
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "/engine-rest is for staff "
                + "working tasks and administrators; systems use billflow's /api (e.g. /api/process-instances).");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
