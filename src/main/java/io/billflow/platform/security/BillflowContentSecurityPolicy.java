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
            + "form-action 'self'; frame-ancestors ";

    private BillflowContentSecurityPolicy() {
    }

    /** Staff pages may be framed by our own (the mailbox shows a mail in a frame), as X-Frame-Options says. */
    static HeaderWriter staffPages(String webappPath) {
        return writer(webappPath, POLICY + "'self'");
    }

    /** The portal is never framed (X-Frame-Options: DENY there). */
    static HeaderWriter portalPages() {
        return writer("/camunda", POLICY + "'none'");
    }

    private static HeaderWriter writer(String webappPath, String policy) {
        return new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(new OrRequestMatcher(
                AntPathRequestMatcher.antMatcher(webappPath + "/**"),
                AntPathRequestMatcher.antMatcher("/swagger-ui/**"),
                AntPathRequestMatcher.antMatcher("/swagger-ui.html"))),
                new ContentSecurityPolicyHeaderWriter(policy));
    }
}
