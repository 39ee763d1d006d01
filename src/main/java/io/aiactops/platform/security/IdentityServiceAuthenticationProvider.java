package io.aiactops.platform.security;

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

/** HTTP Basic against Camunda's identity service: the same users, passwords and groups as Tasklist. */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final CredentialCache cache;

    IdentityServiceAuthenticationProvider(IdentityService identityService, CredentialCache cache) {
        this.identityService = identityService;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        String password = credentials.toString();
        return cache.authenticate("basic", userId, password, () -> {
            if (!identityService.checkPassword(userId, password)) {
                throw new BadCredentialsException("Unknown user or wrong password");
            }
            return authenticated(identityService, userId);
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An authenticated principal whose authorities are the user's Camunda group ids. */
    static Authentication authenticated(IdentityService identityService, String userId) {
        List<GrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }
}
