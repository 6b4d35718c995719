package io.billflow.workflow.duty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.platform.camunda.CamundaFilterConfiguration;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.http.HttpStatus;

/** A refused task is a 403 problem on every path: Camunda's REST resources (filter) and billflow's /api (advice). */
@Configuration(proxyBeanMethods = false)
class TaskRefusalConfiguration {

    @Bean
    FilterRegistrationBean<EngineRestRefusalFilter> engineRestRefusalFilter(ObjectMapper objectMapper,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapp) {
        FilterRegistrationBean<EngineRestRefusalFilter> registration =
                new FilterRegistrationBean<>(new EngineRestRefusalFilter(objectMapper));
        registration.setName("billflow-task-refusals");
        registration.addUrlPatterns(CamundaFilterConfiguration.ENGINE_REST_PATH + "/*", webapp + "/api/engine/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // inside Spring Security and Camunda's authentication filters, right around the REST resources
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class TaskRefusalAdvice {

        @ExceptionHandler(TaskRefusedException.class)
        @ResponseStatus(HttpStatus.FORBIDDEN)
        ProblemDetail refused(TaskRefusedException e) {
            return EngineRestRefusalFilter.problem(e);
        }
    }
}
