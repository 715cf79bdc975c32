package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.testing.KafkaRecords;
import io.newsflow.testing.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Elasticsearch goes away for 30 s in the middle of a stream: the service reaches it through a TCP proxy that the
 * test cuts, so the client sees refused and reset connections, as when the node is stopped. Consumers join the group
 * during the outage, as those of an instance starting then would, so partitions move while their batches are held
 * back. Nothing may be lost, and everything must be committed once indexed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "newsflow.topics.enriched=outage-it.articles.enriched",
            // one consumer holds all three partitions, then two of them move to the others
            "newsflow.topics.partitions=3",
            "newsflow.search.index.alias=outage-it-articles",
            "newsflow.search.indexing.retry-initial=200ms",
            "newsflow.search.indexing.retry-max=2s",
            "spring.kafka.consumer.group-id=outage-it"
        })
@Import({ElasticsearchOutageIntegrationTest.BehindProxy.class, EnrichedTopic.class})
class ElasticsearchOutageIntegrationTest {

    private static final String TOPIC = "outage-it.articles.enriched";
    private static final String ALIAS = "outage-it-articles";
    private static final TcpProxy PROXY = startProxy();

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void elasticsearchUnavailableForThirtySecondsMidStreamLosesNothing() throws Exception {
        // one consumer of the indexing listener holds every partition when the outage begins
        var consumers =
                ((ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("index")).getContainers();
        consumers.get(1).stop();
        consumers.get(2).stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var assigned = consumers.getFirst().getAssignedPartitions();
            return assigned != null && assigned.size() == 3;
        });
        var word = Articles.uniqueWord();
        var sent = new ArrayList<ArticleEnriched>();
        for (int i = 0; i < 10; i++) {
            sent.add(send(word, i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaRecords.consumedAll("outage-it", TOPIC));

        PROXY.cut();
        var cutAt = System.nanoTime();
        try {
            for (int i = 10; i < 30; i++) {
                sent.add(send(word, i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> failures("unreachable") > 0);
            // the others join while it holds the outage's records back: two partitions move to them
            consumers.get(1).start();
            consumers.get(2).start();
            // the consumer holds its batch instead of skipping it: nothing sent during the outage is committed
            assertThat(KafkaRecords.consumedAll("outage-it", TOPIC)).isFalse();
            await().pollDelay(Duration.ofSeconds(30).minusNanos(System.nanoTime() - cutAt))
                    .atMost(Duration.ofSeconds(40))
                    .until(() -> true);
            assertThat(KafkaRecords.consumedAll("outage-it", TOPIC)).isFalse();
        } finally {
            PROXY.restore();
        }

        // Generous: after the outage the consumers' next retry is up to retry-max away, and CI machines are busy.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            elasticsearch.indices().refresh(r -> r.index(ALIAS));
            assertThat(elasticsearch
                            .count(c -> c.index(ALIAS)
                                    .query(q -> q.match(m -> m.field("title").query(word))))
                            .count())
                    .isEqualTo(sent.size());
        });
        // and committed once indexed, by the partitions' new owners too: no lag is left that a restart would index
        // again
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaRecords.consumedAll("outage-it", TOPIC));
        for (var event : List.of(sent.getFirst(), sent.get(15), sent.getLast())) {
            assertThat(elasticsearch
                            .get(g -> g.index(ALIAS).id(event.articleId()), Object.class)
                            .found())
                    .isTrue();
        }
    }

    private double failures(String kind) {
        var counter = meters.find("newsflow.search.indexing.failures")
                .tag("kind", kind)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static ArticleEnriched send(String word, int i) {
        var event = Articles.enriched(1, "Outage " + word + " number " + i, "text " + i);
        Articles.send(TOPIC, event);
        return event;
    }

    private static TcpProxy startProxy() {
        var url = URI.create(TestInfrastructure.get().elasticsearchUrl());
        return new TcpProxy(url.getHost(), url.getPort());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BehindProxy {

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails() {
            var servers =
                    List.of(TestInfrastructure.get().kafkaBootstrapServers().split(","));
            return () -> servers;
        }

        @Bean
        ElasticsearchConnectionDetails elasticsearchConnectionDetails() {
            var nodes = List.of(new ElasticsearchConnectionDetails.Node(
                    "127.0.0.1", PROXY.port(), ElasticsearchConnectionDetails.Node.Protocol.HTTP));
            return () -> nodes;
        }
    }
}
