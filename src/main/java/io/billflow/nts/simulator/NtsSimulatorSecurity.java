package io.billflow.nts.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The NTS simulator is reached with a shared API key ({@code Authorization: Bearer <key>}), as an ASP's
 * API is: {@code billflow.simulator.nts.api-key} on the simulator, {@code billflow.nts.api-key} on the
 * caller. Without the right key: 401 problem details. No session, no CSRF (machine to machine).
 */
@Configuration(proxyBeanMethods = false)
@Profile("nts-simulator")
public class NtsSimulatorSecurity {

    @Bean
    @Order(-10)
    public SecurityFilterChain ntsSimulatorChain(HttpSecurity http,
                                                 @Value("${billflow.simulator.nts.api-key}") String apiKey) throws Exception {
        if (apiKey == null || apiKey.length() < 16) {
            throw new IllegalStateException("billflow.simulator.nts.api-key (BILLFLOW_NTS_API_KEY): at least 16 characters");
        }
        http.securityMatcher(AntPathRequestMatcher.antMatcher(NtsSimulatorController.BASE + "/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("ROLE_NTS_CLIENT"))
                .addFilterBefore(new BearerKeyFilter(apiKey), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(401);
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"nts-simulator\"");
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"Authorization: Bearer <NTS API key> required\"}");
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** Compares the presented key in constant time; the key itself is never logged. */
    static final class BearerKeyFilter extends OncePerRequestFilter {

        private final byte[] expected;

        BearerKeyFilter(String apiKey) {
            this.expected = apiKey.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(expected, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "nts-client", null, List.of(new SimpleGrantedAuthority("ROLE_NTS_CLIENT"))));
            }
            chain.doFilter(request, response);
        }
    }
}
