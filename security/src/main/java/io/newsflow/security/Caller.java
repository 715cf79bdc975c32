package io.newsflow.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who makes the current request.
 *
 * @param id stable across requests, what owns what the caller creates: {@code key:<key id>} for an API key,
 *     {@code user:<subject>} for a JWT, {@code anonymous} in open mode
 * @param source the source the caller may publish as only, when its key (or the token's {@value #SOURCE_CLAIM} claim)
 *     is bound to one
 */
public record Caller(String id, Optional<String> source, Set<String> scopes) {

    /** The JWT claim that binds a token to a source, as {@code source} binds an API key. */
    public static final String SOURCE_CLAIM = "newsflow_source";

    static final Caller ANONYMOUS = new Caller("anonymous", Optional.empty(), Set.of());

    /** The caller of the request on this thread; {@code anonymous} when nobody signed in (open mode). */
    public static Caller current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return switch (authentication) {
            case ApiKeyAuthentication key -> key.caller();
            case JwtAuthenticationToken jwt ->
                new Caller(
                        "user:" + jwt.getToken().getSubject(),
                        Optional.ofNullable(jwt.getToken().getClaimAsString(SOURCE_CLAIM)),
                        Set.copyOf(jwt.getAuthorities().stream()
                                .map(a -> a.getAuthority().replaceFirst("^SCOPE_", ""))
                                .toList()));
            case AnonymousAuthenticationToken ignored -> ANONYMOUS;
            case null -> ANONYMOUS;
            default -> new Caller(authentication.getName(), Optional.empty(), Set.of());
        };
    }
}
