package io.billflow.platform.throttle;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The staff endpoints that send a partner a link or a message again: a portal invitation
 * ({@code POST /api/partners/{partnerId}/portal-invitations}) and a notification resent
 * ({@code POST /api/notifications/{id}/resend}). Each counts against its target (the partner, the message) and
 * its requester (the staff user) before the controller runs; over a limit, a 429 problem naming the limit.
 */
@Configuration(proxyBeanMethods = false)
class LinkSendLimitInterceptor implements WebMvcConfigurer {

    private final SendLimits limits;

    LinkSendLimitInterceptor(SendLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Limit("partnerId", "partner:")).addPathPatterns("/api/partners/*/portal-invitations");
        registry.addInterceptor(new Limit("id", "notification:")).addPathPatterns("/api/notifications/*/resend");
    }

    private final class Limit implements HandlerInterceptor {

        private final String variable;
        private final String prefix;

        Limit(String variable, String prefix) {
            this.variable = variable;
            this.prefix = prefix;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!"POST".equals(request.getMethod())) {
                return true;
            }
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String target = variables == null ? null : variables.get(variable);
            Principal caller = request.getUserPrincipal();
            if (target != null && caller != null) {
                limits.beforeLink(prefix + target, caller.getName());
            }
            return true;
        }
    }
}
