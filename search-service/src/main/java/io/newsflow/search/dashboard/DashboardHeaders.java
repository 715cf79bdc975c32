package io.newsflow.search.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response. The Content-Security-Policy allows only the service's own scripts, styles
 * and requests, and requests to the sign-in issuer when one is configured (its discovery document and token
 * endpoint): an article's markup that slipped into the page could neither run nor load anything. Swagger UI is left
 * without it, as springdoc serves that page as it is.
 */
final class DashboardHeaders extends OncePerRequestFilter {

    private final String policy;

    /** @param issuerOrigin the origin of the OIDC issuer the page signs in at, empty for none */
    DashboardHeaders(String issuerOrigin) {
        this.policy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                        + (issuerOrigin.isEmpty() ? "" : " " + issuerOrigin)
                        + "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!request.getRequestURI().startsWith("/swagger-ui")) {
            response.setHeader("Content-Security-Policy", policy);
        }
        chain.doFilter(request, response);
    }
}
