package io.billflow.platform.security;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The Content-Security-Policy of billflow's own pages (landing, login, portal, settlement pages, dev pages, API
 * answers). Our templates load scripts from nowhere and styles only from {@code /css}; they do use {@code style}
 * attributes, hence {@code 'unsafe-inline'} for styles only (no script can run from an injected attribute).
 * Not on the Camunda webapps, which send their own policy (two policies would both apply and break them), nor on
 * Swagger UI, whose page is springdoc's.
 */
final class BillflowContentSecurityPolicy {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    private BillflowContentSecurityPolicy() {
    }

    static HeaderWriter writer(String webappPath) {
        return new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(new OrRequestMatcher(
                AntPathRequestMatcher.antMatcher(webappPath + "/**"),
                AntPathRequestMatcher.antMatcher("/swagger-ui/**"),
                AntPathRequestMatcher.antMatcher("/swagger-ui.html"))),
                new ContentSecurityPolicyHeaderWriter(POLICY));
    }
}
