package io.newsflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The token buckets of one instance, per client address and per caller and route class. A bucket left alone for its
 * whole period is full again, so it is forgotten then; the number kept is capped, so that a flood of addresses cannot
 * fill the heap (an address forgotten early only gets a full bucket back).
 */
final class RateLimiter {

    private static final long MAX_BUCKETS = 100_000;

    /** Which limit applies to a call. */
    enum RouteClass {
        READ,
        WRITE,
        ADMIN;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SecurityProperties.Limit perAddress;
    private final SecurityProperties.Limit read;
    private final SecurityProperties.Limit write;
    private final SecurityProperties.Limit admin;
    private final List<PathPattern> adminPaths;
    private final Cache<String, Bucket> buckets;

    RateLimiter(SecurityProperties.RateLimits limits) {
        this.perAddress = limits.perAddress().share(limits.instances());
        this.read = limits.read().share(limits.instances());
        this.write = limits.write().share(limits.instances());
        this.admin = limits.admin().share(limits.instances());
        var parser = PathPatternParser.defaultInstance;
        this.adminPaths = limits.adminPaths().stream().map(parser::parse).toList();
        var longest = Stream.of(perAddress, read, write, admin)
                .map(SecurityProperties.Limit::per)
                .max(Duration::compareTo)
                .orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_BUCKETS)
                .expireAfterAccess(longest)
                .build();
    }

    RouteClass classOf(HttpServletRequest request) {
        var path = org.springframework.http.server.PathContainer.parsePath(request.getRequestURI());
        if (adminPaths.stream().anyMatch(pattern -> pattern.matches(path))) {
            return RouteClass.ADMIN;
        }
        var method = HttpMethod.valueOf(request.getMethod());
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                ? RouteClass.READ
                : RouteClass.WRITE;
    }

    ConsumptionProbe tryAddress(String address) {
        return take("address|" + address, perAddress);
    }

    ConsumptionProbe tryCaller(String callerId, RouteClass routeClass) {
        var limit =
                switch (routeClass) {
                    case READ -> read;
                    case WRITE -> write;
                    case ADMIN -> admin;
                };
        return take(routeClass.tag() + "|" + callerId, limit);
    }

    private ConsumptionProbe take(String key, SecurityProperties.Limit limit) {
        return buckets.get(key, ignored -> Bucket.builder()
                        .addLimit(bandwidth ->
                                bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                        .build())
                .tryConsumeAndReturnRemaining(1);
    }
}
