package io.billflow.platform.camunda;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link EngineRestInputFilter} on {@code /engine-rest/*} and the webapps' {@code /camunda/api/*}. */
@Configuration(proxyBeanMethods = false)
class EngineRestInputConfiguration {

    @Bean
    public FilterRegistrationBean<EngineRestInputFilter> engineRestInputFilter(ObjectMapper json, IdentityService identity,
                                                                               CamundaBpmProperties camunda) {
        FilterRegistrationBean<EngineRestInputFilter> registration =
                new FilterRegistrationBean<>(new EngineRestInputFilter(json, identity));
        registration.setName("billflow-engine-rest-input");
        registration.addUrlPatterns(CamundaFilterConfiguration.ENGINE_REST_PATH + "/*",
                camunda.getWebapp().getApplicationPath() + "/api/*");
        // after Spring Security (only signed-in callers get this far), before the engine reads anything
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }
}
