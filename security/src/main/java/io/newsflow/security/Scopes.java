package io.newsflow.security;

import java.util.List;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The scopes a caller holds, as JWT {@code scope} claims and API keys name them. */
public final class Scopes {

    public static final String ARTICLES_WRITE = "articles:write";
    public static final String FEEDS_MANAGE = "feeds:manage";
    public static final String SEARCH_READ = "search:read";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(ARTICLES_WRITE, FEEDS_MANAGE, SEARCH_READ, ADMIN);

    /** Spring Security's name for a scope, as its JWT converter derives it from the {@code scope} claim. */
    static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    /** The scope, or {@code admin}, which may do everything. */
    public static AuthorizationManager<RequestAuthorizationContext> require(String scope) {
        return scope.equals(ADMIN)
                ? AuthorityAuthorizationManager.hasAuthority(authority(ADMIN))
                : AuthorityAuthorizationManager.hasAnyAuthority(authority(scope), authority(ADMIN));
    }

    private Scopes() {}
}
