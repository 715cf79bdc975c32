package io.newsflow.infra.chaos;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The faults, one per scenario, in the order {@code chaos} runs them. */
enum Scenario {
    KILL_INGEST("kill-ingest", "SIGKILL of ingest mid-stream, restarted as 'up' starts it"),
    KILL_ENRICH("kill-enrich", "SIGKILL of enrich mid-stream, restarted as 'up' starts it"),
    KILL_SEARCH("kill-search", "SIGKILL of search mid-stream, restarted as 'up' starts it"),
    FREEZE_ELASTICSEARCH("freeze-elasticsearch", "Elasticsearch frozen with SIGSTOP, then SIGCONT"),
    READ_ONLY_ELASTICSEARCH(
            "read-only-elasticsearch",
            "the flood-stage block index.blocks.read_only_allow_delete on the articles index, then removed"),
    KILL_KAFKA("kill-kafka", "SIGKILL of Kafka (every broker) mid-produce, restarted after a while"),
    POISON_PILLS("poison-pills", "bytes that are no article produced straight onto the raw and the enriched topics"),
    SLOW_ARTICLE(
            "slow-article",
            "enrich restarted with a short max.poll.interval, then one article that keeps it busy for longer"),
    REBALANCE(
            "rebalance",
            "a second enrich and a second search join their groups, leave on SIGTERM, join again, die on SIGKILL"),
    KILL_BROKER(
            "kill-broker",
            "needs 'up --brokers 3': SIGKILL of the broker leading most raw partitions, restarted after --kafka-down",
            3),
    REINDEX("reindex", "POST /api/v1/admin/reindex: the enriched topic replayed into a new index, the alias moved");

    /** What {@code --ci} runs: the fast ones, within 5 minutes on two cores with a short freeze. */
    static final List<Scenario> CI = List.of(KILL_ENRICH, KILL_SEARCH, POISON_PILLS, FREEZE_ELASTICSEARCH);

    private final String id;
    private final String description;

    private final int brokers;

    Scenario(String id, String description) {
        this(id, description, 1);
    }

    Scenario(String id, String description, int brokers) {
        this.id = id;
        this.description = description;
        this.brokers = brokers;
    }

    /** The brokers the stack needs for this fault. */
    int brokers() {
        return brokers;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    static Optional<Scenario> named(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
