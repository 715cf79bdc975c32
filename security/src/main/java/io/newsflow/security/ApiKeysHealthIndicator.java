package io.newsflow.security;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down until the API-key topic has been read to its end: before that, keys created at other instances would be
 * refused here as unknown, so readiness keeps traffic away ({@code apiKeys} in each service's readiness group).
 */
final class ApiKeysHealthIndicator extends AbstractHealthIndicator {

    private final ApiKeys keys;

    ApiKeysHealthIndicator(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var status = keys.isCaughtUp() ? builder.up() : builder.down().withDetail("reason", "reading the topic");
        status.withDetail("topic", keys.topic()).withDetail("keys", keys.all().size());
    }
}
