package io.billflow.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses URLs with encoded NUL, line breaks, {@code ..} and the like
 * before any controller runs; answer those like every other bad input: 400 problem naming the path
 * (its default was a bare 400 rendered as an HTML error page).
 */
@Configuration(proxyBeanMethods = false)
class RejectedUrlProblems {

    @Bean
    public RequestRejectedHandler problemForRejectedUrls() {
        return (request, response, rejected) -> {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"" + ProblemDetailsAdvice.VALIDATION_TYPE + "\",\"title\":\"Invalid input\","
                    + "\"status\":400,\"detail\":\"The request has invalid fields: path\",\"errors\":[{\"field\":\"path\","
                    + "\"message\":\"contains characters a URL may not carry (e.g. an encoded U+0000)\"}]}");
        };
    }
}
