package io.billflow.platform.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class HttpHardeningConfiguration {

    /** First of all filters, so that it wraps the response for every cookie any later filter sets. */
    @Bean
    FilterRegistrationBean<SecureCookieFilter> secureCookies() {
        FilterRegistrationBean<SecureCookieFilter> registration = new FilterRegistrationBean<>(new SecureCookieFilter());
        registration.setName("billflow-secure-cookies");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
