package io.billflow.platform.security;

import java.util.List;

import io.billflow.platform.camunda.StaffGroups;
import org.springframework.security.core.Authentication;

/** The authenticated staff member or system, as the engine needs it: user id and group ids. */
public record StaffIdentity(String userId, List<String> groups) {

    public static StaffIdentity of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith(StaffGroups.AUTHORITY_PREFIX))
                .map(a -> a.substring(StaffGroups.AUTHORITY_PREFIX.length()))
                .toList();
        return new StaffIdentity(authentication.getName(), groups);
    }
}
