package io.newsflow.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request signed in with an API key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient ApiKey key;

    ApiKeyAuthentication(ApiKey key) {
        super(key.scopes().stream()
                .map(Scopes::authority)
                .map(SimpleGrantedAuthority::new)
                .toList());
        this.key = key;
        setAuthenticated(true);
    }

    Caller caller() {
        return key.caller();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.id();
    }
}
