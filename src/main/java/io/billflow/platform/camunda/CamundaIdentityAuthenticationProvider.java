package io.billflow.platform.camunda;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates staff against Camunda's identity service, so that one user store serves the
 * webapps, {@code /engine-rest} and our {@code /api}. Camunda hashes passwords (SHA-512 + salt) and
 * throttles repeated failures itself ({@code loginMaxAttempts}); we add nothing of our own there.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
            throw new BadCredentialsException("User name and password are required");
        }
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities = groupsOf(userId).stream()
                .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(StaffGroups.authority(group)))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    public List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
