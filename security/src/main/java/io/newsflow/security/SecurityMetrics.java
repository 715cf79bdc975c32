package io.newsflow.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code newsflow.audit.events}, by action: how often keys, feeds and admin state change. */
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
}
