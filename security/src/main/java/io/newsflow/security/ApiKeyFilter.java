package io.newsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in by {@code Authorization: ApiKey <key>} or {@code X-Api-Key: <key>}; a key that is unknown or
 * revoked is a 401 at once, whatever the endpoint, so that a caller learns of a bad key before relying on it.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private static final String SCHEME = "ApiKey ";

    private final ApiKeys keys;
    private final ProblemAnswers answers;

    ApiKeyFilter(ApiKeys keys, ProblemAnswers answers) {
        this.keys = keys;
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var secret = secret(request);
        if (secret.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var key = keys.find(secret.get());
        if (key.isEmpty()) {
            answers.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> secret(HttpServletRequest request) {
        var header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.of(authorization.substring(SCHEME.length()).strip());
        }
        return Optional.empty();
    }
}
