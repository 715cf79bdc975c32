package io.newsflow.infra.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.infra.load.ArticleStream;
import io.newsflow.infra.load.Item;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SlowArticleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void isTheTemplatesBodiesUpToItsLengthWithAGuidOfItsOwnInTheRunsSource() {
        var templates = List.of(template("Erster Absatz."), template("Second paragraph."));

        var slow = SlowArticle.of(templates, "run-1");

        var body = slow.article().path("body").asString();
        assertThat(body).hasSize(SlowArticle.CHARACTERS).contains("Erster Absatz.", "Second paragraph.");
        assertThat(slow.article().path("source").path("name").asString()).isEqualTo(ArticleStream.sourceOf("run-1"));
        var streamed = ArticleStream.articles(templates, "run-1", 0, 10, Instant.now());
        assertThat(streamed)
                .extracting(item -> item.article().path("guid").asString())
                .doesNotContain(slow.article().path("guid").asString());
    }

    private static Item template(String body) {
        var article = JSON.createObjectNode();
        article.put("title", "Template");
        article.put("body", body);
        return new Item("test", article);
    }
}
