package io.billflow.platform.throttle;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client's address as the throttles count it: {@link HttpServletRequest#getRemoteAddr()}, which Tomcat's
 * RemoteIpValve replaces by the X-Forwarded-For client only when the request came from a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}); a client's own X-Forwarded-For changes nothing.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? "unknown" : address;
    }

    /** The address of the request being served on this thread, or "internal" (a job, a process). */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return "internal";
    }
}
