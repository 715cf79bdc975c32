package io.newsflow.ingest;

import io.newsflow.testing.NewsflowTestInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Runs the ingest service by hand against the test infrastructure (a real Kafka, started on free ports),
 * e.g. from the IDE, without starting anything else.
 */
public class TestIngestApplication {

    public static void main(String[] args) {
        SpringApplication.from(IngestApplication::main)
                .with(NewsflowTestInfrastructure.class)
                .run(args);
    }
}
