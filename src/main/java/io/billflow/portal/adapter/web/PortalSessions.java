package io.billflow.portal.adapter.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Opens the portal session after a proof: a new session id (nothing chosen before the proof survives it) holding
 * the proven principal with the one authority that decides which portal pages it reaches.
 */
@Component
class PortalSessions {

    /** A business proven by its business number: certificate, invoices, settlement reports. */
    static final String ROLE_SUPPLIER = "ROLE_SUPPLIER";
    /** An individual proven by a code to a settlement group's mobile: that group's reports, read only. */
    static final String ROLE_INDIVIDUAL = "ROLE_INDIVIDUAL";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    void signIn(Object principal, String authority, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(authority))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
