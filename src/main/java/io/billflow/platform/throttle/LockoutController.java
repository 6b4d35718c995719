package io.billflow.platform.throttle;

import java.util.List;
import java.util.Map;

import io.billflow.platform.camunda.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in lockouts for the admin: who is locked out now, and lifting a lockout before it ends by itself (the
 * owner of an account an attacker keeps locking, once its password is known to be safe). Admin only, for reads
 * too: the list names accounts and addresses under attack.
 */
@RestController
@Tag(name = "Security")
class LockoutController {

    private final SignInThrottle throttle;

    public LockoutController(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/api/admin/security/lockouts")
    @Operation(summary = "Accounts and client addresses locked out of signing in now")
    public List<RateLimiter.Lockout> lockouts(Authentication caller) {
        requireAdmin(caller);
        return throttle.lockouts();
    }

    @DeleteMapping("/api/admin/security/lockouts/{userId}")
    @Operation(summary = "Lift the sign-in lockout of an account (audited)")
    public Map<String, Object> unlockAccount(@PathVariable String userId, Authentication caller) {
        requireAdmin(caller);
        return Map.of("userId", userId, "lifted", throttle.unlockAccount(userId, caller.getName()));
    }

    @DeleteMapping("/api/admin/security/lockouts")
    @Operation(summary = "Lift the sign-in lockout of a client address (audited)")
    public Map<String, Object> unlockAddress(@RequestParam String address, Authentication caller) {
        requireAdmin(caller);
        return Map.of("address", address, "lifted", throttle.unlockAddress(address, caller.getName()));
    }

    private static void requireAdmin(Authentication caller) {
        String admin = StaffGroups.authority(StaffGroups.ADMIN);
        if (caller == null || caller.getAuthorities().stream().noneMatch(a -> admin.equals(a.getAuthority()))) {
            throw new AccessDeniedException("camunda-admin only");
        }
    }
}
