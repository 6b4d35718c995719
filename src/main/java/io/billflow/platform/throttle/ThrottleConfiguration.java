package io.billflow.platform.throttle;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

    /** Ahead of Spring Security: a throttled address costs no session and no password check. */
    @Bean
    FilterRegistrationBean<PortalAccessThrottleFilter> portalAccessThrottle(RateLimiter limiter,
                                                                           ThrottleProperties properties) {
        FilterRegistrationBean<PortalAccessThrottleFilter> registration =
                new FilterRegistrationBean<>(new PortalAccessThrottleFilter(limiter, properties));
        registration.setName("billflow-portal-access-throttle");
        registration.addUrlPatterns("/portal/access/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
