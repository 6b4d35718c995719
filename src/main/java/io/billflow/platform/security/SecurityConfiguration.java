package io.billflow.platform.security;

import static io.billflow.platform.camunda.StaffGroups.ADMIN;
import static io.billflow.platform.camunda.StaffGroups.API_CLIENTS;
import static io.billflow.platform.camunda.StaffGroups.OPERATIONS;
import static io.billflow.platform.camunda.StaffGroups.SETTLEMENT_MANAGERS;
import static io.billflow.platform.camunda.StaffGroups.allAuthorities;
import static io.billflow.platform.camunda.StaffGroups.authorities;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.platform.camunda.CamundaIdentityAuthenticationProvider;
import io.billflow.platform.camunda.CamundaWebappLoginBridge;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Staff accounts and groups come from Camunda's identity service.
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: passed to Camunda's own Basic authentication filter (see
 *   {@code CamundaFilterConfiguration}); Spring keeps no session and no CSRF there.</li>
 *   <li>{@code /api/**}: HTTP Basic for systems, the browser login session for people; group rules per
 *   path; 401/403 as problem details. CSRF applies to session (cookie) callers only.</li>
 *   <li>Camunda webapps: our login page, single sign-on into Tasklist/Cockpit/Admin; Camunda decides
 *   which app a user may open (application authorizations) and has its own CSRF protection.</li>
 *   <li>Public: the landing page, the login page, static assets and {@code /actuator/health}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    private static final RequestMatcher BASIC_AUTH_HEADER = new RequestHeaderRequestMatcher("Authorization");

    @Bean
    public AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider,
                                                       AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events); // sign-ins and refusals reach the audit log
        return manager;
    }

    /**
     * The supplier portal: its own session, opened by an e-mailed link plus the business number
     * ({@code /portal/access/{token}}), or for an individual plus a code to its settlement group's mobile;
     * staff accounts have no access to it and suppliers none to the rest.
     */
    @Bean
    @Order(0)
    public SecurityFilterChain portalChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(objectMapper);
        RequestMatcher portalApi = AntPathRequestMatcher.antMatcher("/portal/api/**");
        http.securityMatcher(AntPathRequestMatcher.antMatcher("/portal/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(AntPathRequestMatcher.antMatcher("/portal/access/**")).permitAll()
                        // an individual (proven by a code to its group's mobile) reads that group's reports only
                        .requestMatchers(AntPathRequestMatcher.antMatcher("/portal/individual/**"))
                        .hasAuthority("ROLE_INDIVIDUAL")
                        .requestMatchers(AntPathRequestMatcher.antMatcher("/portal/logout"))
                        .hasAnyAuthority("ROLE_SUPPLIER", "ROLE_INDIVIDUAL")
                        .anyRequest().hasAuthority("ROLE_SUPPLIER"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, portalApi)
                        .defaultAuthenticationEntryPointFor((request, response, e) -> response.sendError(401,
                                "Open the link from your e-mail"), AntPathRequestMatcher.antMatcher("/portal/**"))
                        .defaultAccessDeniedHandlerFor(problems, portalApi))
                .logout(logout -> logout.logoutRequestMatcher(new AntPathRequestMatcher("/portal/logout", "POST"))
                        .logoutSuccessUrl("/"))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .addHeaderWriter(BillflowContentSecurityPolicy.portalPages()));
        return http.build();
    }

    /**
     * {@code /engine-rest}: HTTP Basic checked here, through the sign-in throttle like every other password
     * check; Camunda's filter then runs the call as that user (CamundaFilterConfiguration).
     */
    @Bean
    @Order(1)
    public SecurityFilterChain engineRestChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                               ObjectMapper objectMapper) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(objectMapper);
        http.securityMatcher(AntPathRequestMatcher.antMatcher("/engine-rest/**"))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain applicationChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                                ObjectMapper objectMapper,
                                                @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapp)
            throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(objectMapper);
        RequestMatcher api = new AntPathRequestMatcher("/api/**");
        RequestMatcher camundaApi = new AntPathRequestMatcher(webapp + "/api/**");
        RequestMatcher camundaLogout = new AntPathRequestMatcher(webapp + "/api/admin/auth/user/*/logout", "POST");
        // scrapers and probes are machines: a 401 problem, not a redirect to a login page they would parse as metrics
        RequestMatcher actuator = new AntPathRequestMatcher("/actuator/**");

        // after a login, return people to the page they asked for; API calls are never replayed
        HttpSessionRequestCache pageCache = new HttpSessionRequestCache();
        pageCache.setRequestMatcher(new AndRequestMatcher(AntPathRequestMatcher.antMatcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(new OrRequestMatcher(api, camundaApi, actuator))));

        http.authenticationManager(authenticationManager)
                .requestCache(cache -> cache.requestCache(pageCache))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/favicon.ico", "/css/**", "/img/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Camunda's login form (see CamundaWebappLoginBridge) and its static plugin assets
                        .requestMatchers(HttpMethod.POST, webapp + "/api/admin/auth/user/*/login/*").permitAll()
                        // "who is signed in" answers 404 to strangers, and refreshes Camunda's CSRF cookie
                        .requestMatchers(HttpMethod.GET, webapp + "/api/admin/auth/user/*").permitAll()
                        .requestMatchers(HttpMethod.GET, webapp + "/api/*/plugin/*/static/**").permitAll()
                        .requestMatchers(HttpMethod.GET, webapp + "/app/*/styles/**", webapp + "/app/*/assets/**",
                                webapp + "/app/*/scripts/**", webapp + "/lib/**", webapp + "/assets/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/process-instances/**")
                                .hasAnyAuthority(authorities(API_CLIENTS, ADMIN))
                        .requestMatchers("/api/process-instances/**")
                                .hasAnyAuthority(authorities(API_CLIENTS, ADMIN, OPERATIONS, SETTLEMENT_MANAGERS))
                        .requestMatchers("/api/notifications/**", "/api/notification-preferences/**")
                                .hasAnyAuthority(authorities(ADMIN, OPERATIONS))
                        // whoever controls the verification mobile controls the payout account
                        .requestMatchers(HttpMethod.PUT, "/api/settlement/groups/*/verification-mobile")
                                .hasAnyAuthority(authorities(ADMIN))
                        // cancelling a held mobile change answers the partner's call: a person, not a system
                        .requestMatchers(HttpMethod.DELETE, "/api/settlement/groups/*/verification-mobile-change")
                                .hasAnyAuthority(authorities(ADMIN, SETTLEMENT_MANAGERS))
                        // settlement dashboard, statistics, drill-down and statements: read only, no api-clients
                        .requestMatchers(HttpMethod.GET, "/api/settlement/dashboard", "/api/settlement/statistics",
                                "/api/settlement/statistics.csv", "/api/settlement/groups/*/overview", "/settlement/**")
                                .hasAnyAuthority(authorities(ADMIN, SETTLEMENT_MANAGERS, OPERATIONS))
                        // the dev pages show what was sent to suppliers (links, codes): the admin only, in any profile
                        .requestMatchers("/api/dev/**").hasAnyAuthority(authorities(ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(allAuthorities())
                        .requestMatchers("/api/calendar/**", "/api/admin/**").hasAnyAuthority(authorities(ADMIN))
                        .requestMatchers("/api/buyer-companies/**").hasAnyAuthority(authorities(ADMIN, OPERATIONS))
                        // cancelling a held contact change answers the partner's call: a person, not a system
                        .requestMatchers(HttpMethod.DELETE, "/api/partners/*/contact-change")
                                .hasAnyAuthority(authorities(ADMIN, OPERATIONS))
                        .requestMatchers("/api/partners/**", "/api/invoices/**")
                                .hasAnyAuthority(authorities(ADMIN, OPERATIONS, API_CLIENTS))
                        // the second pair of eyes is a person (Tasklist's 지급 승인 without Tasklist), not a system
                        .requestMatchers(HttpMethod.POST, "/api/settlement/reports/*/payout-decision")
                                .hasAnyAuthority(authorities(ADMIN, SETTLEMENT_MANAGERS))
                        .requestMatchers("/api/settlement/**")
                                .hasAnyAuthority(authorities(ADMIN, SETTLEMENT_MANAGERS, API_CLIENTS))
                        .requestMatchers("/api/**").hasAnyAuthority(allAuthorities())
                        .requestMatchers("/dev/mailbox/**", "/dev/test-certificates/**").hasAnyAuthority(authorities(ADMIN))
                        .requestMatchers("/dev/demo/**").hasAnyAuthority(authorities(ADMIN, SETTLEMENT_MANAGERS))
                        .requestMatchers("/actuator/**").hasAnyAuthority(authorities(ADMIN, OPERATIONS, API_CLIENTS))
                        .anyRequest().hasAnyAuthority(allAuthorities()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new SignInFailureHandler()).permitAll())
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
                        .authenticationEntryPoint(problems))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                new AntPathRequestMatcher("/logout", "POST"), camundaLogout))
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (camundaLogout.matches(request)) {
                                response.setStatus(HttpServletResponse.SC_OK);
                            } else {
                                response.sendRedirect(request.getContextPath() + "/login?logout");
                            }
                        }))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, new OrRequestMatcher(api, camundaApi, actuator))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AntPathRequestMatcher.antMatcher("/**"))
                        .defaultAccessDeniedHandlerFor(problems, new OrRequestMatcher(api, actuator)))
                .csrf(csrf -> csrf
                        // Camunda's webapps carry their own CSRF token (X-XSRF-TOKEN); Basic-auth calls carry no cookie
                        // and an /api call without a session cookie has no ambient credentials to abuse (it gets 401)
                        .ignoringRequestMatchers(new AntPathRequestMatcher(webapp + "/**"), BASIC_AUTH_HEADER,
                                request -> api.matches(request) && request.getRequestedSessionId() == null))
                .addFilterAfter(new CamundaWebappLoginBridge(webapp, authenticationManager, objectMapper),
                        BasicAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .addHeaderWriter(BillflowContentSecurityPolicy.staffPages(webapp)));
        return http.build();
    }
}
