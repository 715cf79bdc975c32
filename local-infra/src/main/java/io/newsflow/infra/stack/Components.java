package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stack's processes in start order: the brokers (side by side: a node of three waits for the others' quorum), the
 * rest of the infrastructure, then the services that need it.
 */
record Components(List<Component> brokers, List<Component> infrastructure, List<Component> services) {

    static Components of(Settings settings) {
        return new Components(
                settings.kafka().nodes().stream()
                        .<Component>map(node -> new KafkaComponent(settings, node))
                        .toList(),
                List.of(new ElasticsearchComponent(settings)),
                List.of(
                        new ServiceComponent("ingest-service", settings.ingestPort(), "NEWSFLOW_INGEST_PORT", settings),
                        new ServiceComponent("enrich-service", settings.enrichPort(), "NEWSFLOW_ENRICH_PORT", settings),
                        new ServiceComponent(
                                "search-service", settings.searchPort(), "NEWSFLOW_SEARCH_PORT", settings)));
    }

    List<Component> startOrder() {
        return Stream.of(brokers, infrastructure, services)
                .flatMap(List::stream)
                .toList();
    }

    /** Services first, then Elasticsearch, then Kafka. */
    List<Component> stopOrder() {
        return startOrder().reversed();
    }

    Component named(String name) {
        return startOrder().stream()
                .filter(component -> component.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InfraException("No component named " + name));
    }
}
