package io.newsflow.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code newsflow.audit.events}, by action: how often keys, feeds and admin state change; {@code
 * newsflow.ratelimit.refused}, by limit and route class: how many calls got a 429.
 */
public final class SecurityMetrics {

    private final MeterRegistry registry;

    SecurityMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void audited(String action) {
        Counter.builder("newsflow.audit.events")
                .description("Audited actions: key creation and revocation, feed changes, admin actions")
                .tag("action", action)
                .register(registry)
                .increment();
    }

    public void refused(String by, String routeClass) {
        Counter.builder("newsflow.ratelimit.refused")
                .description("Calls refused with 429 because a rate limit was reached")
                .tag("by", by)
                .tag("class", routeClass)
                .register(registry)
                .increment();
    }
}
