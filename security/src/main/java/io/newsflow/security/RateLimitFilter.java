package io.newsflow.security;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} once a bucket is empty. Two of these run: one by client address before any
 * credential is looked at (so that guessing keys or tokens is slowed too), one by caller once the request is signed in.
 * Only the API is counted: probes, the scraper and the dashboard's own files are not.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    enum By {
        ADDRESS,
        CALLER
    }

    private final RateLimiter limiter;
    private final By by;
    private final ProblemAnswers answers;
    private final SecurityMetrics metrics;

    RateLimitFilter(RateLimiter limiter, By by, ProblemAnswers answers, SecurityMetrics metrics) {
        this.limiter = limiter;
        this.by = by;
        this.answers = answers;
        this.metrics = metrics;
    }

    /** Both instances are of this class: each needs a mark of its own, or the second would skip every request. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RateLimitFilter.class.getName() + "." + by + ".FILTERED";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var routeClass = limiter.classOf(request);
        ConsumptionProbe probe;
        if (by == By.ADDRESS) {
            probe = limiter.tryAddress(request.getRemoteAddr());
        } else {
            var caller = Caller.current();
            if (caller == Caller.ANONYMOUS) {
                chain.doFilter(request, response);
                return;
            }
            probe = limiter.tryCaller(caller.id(), routeClass);
        }
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        var seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        metrics.refused(by.name().toLowerCase(java.util.Locale.ROOT), routeClass.tag());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        answers.write(
                response,
                org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
                (by == By.ADDRESS ? "Too many calls from this address" : "Too many calls by this caller")
                        + "; retry in " + seconds + " s");
    }
}
