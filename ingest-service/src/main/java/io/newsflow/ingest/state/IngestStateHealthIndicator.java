package io.newsflow.ingest.state;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Down until the ingest state topic has been read to its end: before that, this instance could not tell a duplicate
 * from a new article, so readiness keeps traffic away.
 */
@Component("ingestStateHealthIndicator")
class IngestStateHealthIndicator extends AbstractHealthIndicator {

    private final IngestStateTopic topic;
    private final Ledger ledger;

    IngestStateHealthIndicator(IngestStateTopic topic, Ledger ledger) {
        this.topic = topic;
        this.ledger = ledger;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var status = topic.isCaughtUp() ? builder.up() : builder.down().withDetail("reason", "reading the topic");
        status.withDetail("topic", topic.topic()).withDetail("articles", ledger.size());
    }
}
