package io.billflow.platform.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a secure request (https, or X-Forwarded-Proto: https from a trusted proxy), every cookie set is {@code Secure}.
 * Tomcat does so for the session cookie itself; this catches the others, above all Camunda's {@code XSRF-TOKEN},
 * which Camunda makes Secure only when told so for every request ({@code enable-secure-cookie}), and so never
 * behind a TLS proxy by default.
 */
class SecureCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
    }

    private static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        private static String secure(String name, String value) {
            if (value == null || !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
                return value;
            }
            for (String attribute : value.split(";")) {
                if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                    return value;
                }
            }
            return value + "; Secure";
        }
    }
}
