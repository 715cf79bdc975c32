package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsflow.events.ArticleEnriched;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

@SearchServiceTest
class ReindexIntegrationTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void reindexUnderLiveTrafficLosesNothingAndSearchesKeepWorking() throws Exception {
        var word = Articles.uniqueWord();
        var sent = new CopyOnWriteArrayList<ArticleEnriched>();
        for (int i = 0; i < 30; i++) {
            sent.add(send(word, i));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        api.ok("/api/v1/search?size=1&q=" + word).path("total").asLong() == 30);
        var before = currentIndex();
        // a newer revision of an early article, sent while the rebuild runs, must win in the new index
        var revised = Articles.builder("Revised " + word, "revised body")
                .id(sent.getFirst().articleId())
                .revision(2)
                .build();

        var traffic = new AtomicBoolean(true);
        var searchFailures = new AtomicInteger();
        var lowestTotal = new AtomicInteger(Integer.MAX_VALUE);
        var live = Thread.ofVirtual().start(() -> {
            int i = 30;
            while (traffic.get() || i < 60) {
                sent.add(send(word, i++));
                if (i == 40) {
                    Articles.send(SearchServiceTest.TOPIC, revised);
                }
                var response = api.get("/api/v1/search?size=1&q=" + word);
                if (response.status() != 200) {
                    searchFailures.incrementAndGet();
                } else {
                    lowestTotal.accumulateAndGet(
                            (int) response.body().path("total").asLong(), Math::min);
                }
            }
        });

        var started = admin(HttpMethod.POST);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().path("state").asString()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> admin(HttpMethod.GET).body().path("state").asString(),
                        state -> state.equals("DONE") || state.equals("FAILED"));
        traffic.set(false);
        live.join(Duration.ofSeconds(60));

        var status = admin(HttpMethod.GET).body();
        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("from").asString()).isEqualTo(before);
        assertThat(currentIndex()).isEqualTo(status.path("to").asString()).isNotEqualTo(before);
        var ids = sent.stream().map(ArticleEnriched::articleId).distinct().toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        api.ok("/api/v1/search?size=1&q=" + word).path("total").asLong())
                .isEqualTo(ids.size()));
        assertThat(searchFailures.get()).isZero();
        assertThat(lowestTotal.get()).isGreaterThanOrEqualTo(30);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.ok("/api/v1/articles/" + revised.articleId())
                                .path("revision")
                                .asLong())
                        .isEqualTo(2));
        assertThat(missing(ids)).isEmpty();
    }

    private List<String> missing(List<String> ids) throws Exception {
        var missing = new ArrayList<String>();
        for (var id : ids) {
            if (!elasticsearch
                    .get(g -> g.index(SearchServiceTest.ALIAS).id(id), Object.class)
                    .found()) {
                missing.add(id);
            }
        }
        return missing;
    }

    private String currentIndex() throws Exception {
        return elasticsearch.indices().getAlias(a -> a.name(SearchServiceTest.ALIAS)).aliases().keySet().stream()
                .findFirst()
                .orElseThrow();
    }

    private Api.Response admin(HttpMethod method) {
        return api.call(method, "/api/v1/admin/reindex", null, Map.of());
    }

    private static ArticleEnriched send(String word, int i) {
        var event = Articles.enriched(1, "Reindex " + word + " number " + i, "text " + i);
        Articles.send(SearchServiceTest.TOPIC, event);
        return event;
    }
}
