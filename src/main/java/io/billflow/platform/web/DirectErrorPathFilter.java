package io.billflow.platform.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards failures; asked for directly it has no error to
 * show, and Spring Boot's error controller answered such a request with a 500 (status 999). A direct
 * request is answered 404, as for any page that does not exist; error dispatches pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorPathFilter {

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> directErrorRequests() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"instance\":\"/error\"}");
            }
        });
        registration.setName("billflow-direct-error-requests");
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
