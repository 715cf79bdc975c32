package io.newsflow.search;

import io.newsflow.testing.NewsflowTestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The search service against the shared real Kafka and Elasticsearch, with the enriched topic it reads: one cached
 * context for every test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.enriched=" + SearchServiceTest.TOPIC,
            "newsflow.search.index.alias=" + SearchServiceTest.ALIAS,
            "newsflow.search.cors.allowed-origins=https://dashboard.example",
            "spring.kafka.consumer.group-id=" + SearchServiceTest.GROUP
        })
@Import({NewsflowTestInfrastructure.class, EnrichedTopic.class})
public @interface SearchServiceTest {

    String TOPIC = "search-it.articles.enriched";
    String ALIAS = "search-it-articles";
    String GROUP = "search-it";
}
