package io.billflow.platform.camunda;

import java.util.List;

import io.billflow.platform.throttle.ClientAddress;
import io.billflow.platform.throttle.SignInThrottle;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Authenticates staff against Camunda's identity service, so that one user store serves the
 * webapps, {@code /engine-rest} and our {@code /api}. Camunda hashes passwords (SHA-512 + salt). Repeated
 * failures are throttled here, per account and per client address ({@link SignInThrottle}), with lockouts that
 * end by themselves: Camunda's own counter locked an account for good after {@code loginMaxAttempts} and is
 * neutralised in application.yml. Every password check of the application goes through this provider.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final SignInThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
            throw new BadCredentialsException("User name and password are required");
        }
        String clientAddress = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : ClientAddress.current();
        throttle.check(userId, clientAddress);
        if (!identityService.checkPassword(userId, password)) {
            throttle.failed(userId, clientAddress);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(userId);
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
