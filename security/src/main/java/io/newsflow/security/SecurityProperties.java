package io.newsflow.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newsflow.security}: who may call a service. JWTs are checked by Spring Boot's own resource-server properties
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}); API keys by this service.
 *
 * @param mode {@code on} (the default) asks every caller for credentials; {@code open} lets anyone do anything and
 *     says so in a warning at every start
 * @param adminKey an API key with the {@code admin} scope that exists without being created through the API, so that
 *     the first keys can be created; only its hash is kept in memory. No default: without it (and without an issuer)
 *     nobody can get in
 * @param apiKeys where the created keys are kept
 * @param rateLimits how many API calls a caller and a client address may make
 * @param cors the browser origins, other than the service's own, whose pages may call the API
 * @param requestBodies how slowly a client may send a request body before it is cut off
 */
@Validated
@ConfigurationProperties("newsflow.security")
public record SecurityProperties(
        @DefaultValue("on") @NotNull Mode mode,
        @Pattern(regexp = "|.{20,}", message = "must be at least 20 characters") String adminKey,
        @DefaultValue @Valid @NotNull ApiKeys apiKeys,
        @DefaultValue @Valid @NotNull RateLimits rateLimits,
        @DefaultValue @Valid @NotNull Cors cors,
        @DefaultValue @Valid @NotNull RequestBodies requestBodies) {

    public enum Mode {
        ON,
        OPEN
    }

    /**
     * @param topic the compacted topic that holds every key's hash and scopes, shared by every instance and service
     */
    public record ApiKeys(@DefaultValue("newsflow.security.api-keys") @NotBlank String topic) {}

    /**
     * Token buckets on {@code /api/**}, kept in each instance's memory: with {@code instances} set to how many instances
     * share the traffic, each allows its share, so the fleet as a whole allows about the configured rate when the load
     * balancer spreads calls evenly. Switched off with the rest of security in open mode.
     *
     * @param enabled whether calls are counted at all
     * @param instances how many instances of the service share the traffic; each one allows this share of each limit
     * @param perAddress calls per client address (the TCP peer, or the forwarded address when
     *     {@code server.forward-headers-strategy} trusts a proxy), whoever the caller: it also slows guessing of keys
     * @param read calls per caller (API key or token subject) that only read: GET, HEAD, OPTIONS
     * @param write calls per caller that change something: every other method
     * @param admin calls per caller to the admin paths, whatever the method
     * @param adminPaths the paths (Spring path patterns) of the {@code admin} class
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1") @Min(1) int instances,
            @Valid Limit perAddress,
            @Valid Limit read,
            @Valid Limit write,
            @Valid Limit admin,
            @DefaultValue({"/api/v1/api-keys/**", "/api/v1/admin/**"}) @NotNull List<String> adminPaths) {

        public RateLimits {
            perAddress = perAddress == null ? new Limit(3000, Duration.ofMinutes(1)) : perAddress;
            read = read == null ? new Limit(1200, Duration.ofMinutes(1)) : read;
            write = write == null ? new Limit(1200, Duration.ofMinutes(1)) : write;
            admin = admin == null ? new Limit(60, Duration.ofMinutes(1)) : admin;
        }
    }

    /**
     * A token bucket: up to {@code requests} calls at once, refilled evenly over {@code per}.
     *
     * @param requests the calls allowed per period, which are also the burst a quiet caller may make at once
     * @param per the period
     */
    public record Limit(@Min(1) long requests, @NotNull Duration per) {

        /** This instance's share when {@code instances} share the traffic; never below one call. */
        Limit share(int instances) {
            return new Limit(Math.max(1, Math.ceilDiv(requests, instances)), per);
        }
    }

    /**
     * Cross-origin calls from browsers. The dashboard is served by search-service itself and needs none.
     *
     * @param allowedOrigins origins such as {@code https://newsroom.example.com}; none by default, so browsers refuse
     *     every cross-origin call
     */
    public record Cors(
            @DefaultValue @NotNull
                    List<@NotNull @Pattern(regexp = ORIGIN, message = ORIGIN_RULE) String> allowedOrigins) {

        static final String ORIGIN = "https?://[^/\\s*]+";

        static final String ORIGIN_RULE =
                "must be an origin such as https://dashboard.example (scheme, host, optional port; no path)";
    }

    /**
     * A body that drips a byte now and then stays inside Tomcat's timeout per read; this bounds its rate instead, in
     * every mode. Counted over the time spent waiting for the client only.
     *
     * @param minimumRate the bytes per second a body must arrive at, on average, once the grace period has passed
     * @param grace the waiting a body may take before its rate is checked: slow starts and small bodies pass
     */
    public record RequestBodies(
            @DefaultValue("240B") @NotNull DataSize minimumRate, @DefaultValue("5s") @NotNull Duration grace) {}
}
