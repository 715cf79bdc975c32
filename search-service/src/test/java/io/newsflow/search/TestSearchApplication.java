package io.newsflow.search;

import io.newsflow.testing.NewsflowTestInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Runs the search service by hand against the test infrastructure (a real Kafka and Elasticsearch, started on free ports),
 * e.g. from the IDE, without starting anything else. It creates the enriched topic, which the enrich service would.
 */
public class TestSearchApplication {

    public static void main(String[] args) {
        SpringApplication.from(SearchApplication::main)
                .with(NewsflowTestInfrastructure.class, EnrichedTopic.class)
                .run(args);
    }
}
