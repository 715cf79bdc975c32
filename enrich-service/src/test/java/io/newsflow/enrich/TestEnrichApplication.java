package io.newsflow.enrich;

import io.newsflow.testing.NewsflowTestInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Runs the enrich service by hand against the test infrastructure (a real Kafka, started on free ports),
 * e.g. from the IDE, without starting anything else.
 */
public class TestEnrichApplication {

    public static void main(String[] args) {
        SpringApplication.from(EnrichApplication::main)
                .with(NewsflowTestInfrastructure.class, RawTopicConfiguration.class)
                .run(args);
    }
}
