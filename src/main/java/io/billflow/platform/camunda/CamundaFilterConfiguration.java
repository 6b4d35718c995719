package io.billflow.platform.camunda;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two Camunda servlet filters that tie the engine's identity service to HTTP.
 *
 * <ul>
 *   <li>{@code /engine-rest/*}: Camunda's own {@link ProcessEngineAuthenticationFilter}, taking the user that
 *   Spring Security's HTTP Basic authenticated (SecurityConfiguration), so that the password goes through the
 *   same sign-in throttle as everywhere else (Camunda's own Basic provider checked it unthrottled). Every call
 *   runs as the authenticated user, so Camunda authorizations apply; no session is kept.</li>
 *   <li>{@code /camunda/app/*}, {@code /camunda/api/*}: single sign-on from our Spring Security login
 *   into Tasklist, Cockpit and Admin. The filter runs after Spring Security's chain and turns the
 *   request's principal into a Camunda webapp authentication (groups and authorized apps looked up in
 *   the identity service), exactly as Camunda's own OAuth2 starter does.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class CamundaFilterConfiguration {

    public static final String ENGINE_REST_PATH = "/engine-rest";

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("billflow-engine-rest-basic-auth");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(ENGINE_REST_PATH + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Right after the Basic filter, which set the engine's current authentication: staff groups only. */
    @Bean
    public FilterRegistrationBean<EngineRestGroupsFilter> engineRestGroupsFilter(
            org.camunda.bpm.engine.IdentityService identityService, com.fasterxml.jackson.databind.ObjectMapper json) {
        FilterRegistrationBean<EngineRestGroupsFilter> registration =
                new FilterRegistrationBean<>(new EngineRestGroupsFilter(identityService, json));
        registration.setName("billflow-engine-rest-groups");
        registration.addUrlPatterns(ENGINE_REST_PATH + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOnFilter(
            org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda) {
        String webapp = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("billflow-webapp-sso");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(webapp + "/app/*", webapp + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // after the Spring Security filter chain, which sets the principal
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
