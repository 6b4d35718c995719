package io.billflow.platform.web;

import java.util.List;

import io.billflow.platform.security.StaffIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Session")
class MeController {

    /**
     * @param csrfHeader  for browser (session) callers: send {@code csrfToken} in this header on
     *                    POST/PUT/PATCH/DELETE; Basic-auth callers need no token
     */
    public record Me(String userId, List<String> groups, String csrfHeader, String csrfToken) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who am I: user id, staff groups, and the CSRF token for session callers")
    public Me me(Authentication authentication, CsrfToken csrf) {
        StaffIdentity identity = StaffIdentity.of(authentication);
        return new Me(identity.userId(), identity.groups(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
