package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.NewsflowTestInfrastructure;
import io.newsflow.testing.OpenApiDescriptionContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The description the service serves is the contract clients are generated from: it must be the committed
 * {@code openapi/search-service.json} ({@code ./newsflow openapi} updates it), and what a client depends on most
 * (individual search parameters, the problem responses and their media type) is asserted here as well, so a regression fails in Java.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.enriched=openapi.articles.enriched",
            "newsflow.search.index.alias=openapi-articles",
            "newsflow.search.saved-searches-index=openapi-saved-searches",
            "spring.kafka.consumer.group-id=openapi"
        })
@Import({NewsflowTestInfrastructure.class, EnrichedTopic.class})
class OpenApiDescriptionTest extends OpenApiDescriptionContract {

    OpenApiDescriptionTest() {
        super("search-service");
    }

    @Test
    void describesEachSearchParameterOnItsOwn() {
        var parameters = new ArrayList<String>();
        description.at("/paths/~1api~1v1~1search/get/parameters").forEach(parameter -> {
            assertThat(parameter.path("in").asString()).isEqualTo("query");
            parameters.add(parameter.path("name").asString());
        });

        assertThat(parameters)
                .containsExactlyInAnyOrder(
                        "q",
                        "tag",
                        "person",
                        "organization",
                        "place",
                        "category",
                        "source",
                        "language",
                        "story",
                        "from",
                        "to",
                        "sort",
                        "size",
                        "page",
                        "cursor",
                        "interval",
                        "collapse");
    }

    @Test
    void describesFiltersAsRepeatable() {
        var tag = parameter("/paths/~1api~1v1~1search/get", "tag");

        assertThat(tag.at("/schema/type").asString()).isEqualTo("array");
        assertThat(tag.path("explode").asBoolean(true)).isTrue();
    }

    @Test
    void describesTheProblemsOfASearch() {
        var responses = description.at("/paths/~1api~1v1~1search/get/responses");

        assertThat(responses.at("/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/SearchResult");
        for (var status : List.of("400", "503")) {
            assertThat(resolve(responses.path(status)).at(PROBLEM_SCHEMA).asString())
                    .as("search %s", status)
                    .isEqualTo(PROBLEM_DETAIL);
        }
    }

    @Test
    void describesTheProblemOfAnUnknownArticle() {
        var responses = description.at("/paths/~1api~1v1~1articles~1{id}/get/responses");

        assertThat(resolve(responses.path("404")).at(PROBLEM_SCHEMA).asString()).isEqualTo(PROBLEM_DETAIL);
    }

    @Test
    void describesTheAdminTokenAndTheProblemsOfAReindex() {
        var responses = description.at("/paths/~1api~1v1~1admin~1reindex/post/responses");

        assertThat(responses.at("/202/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ReindexStatus");
        for (var status : List.of("401", "403", "409", "503")) {
            assertThat(resolve(responses.path(status)).at(PROBLEM_SCHEMA).asString())
                    .as("reindex %s", status)
                    .isEqualTo(PROBLEM_DETAIL);
        }
    }

    @Test
    void namesEverySchemaForWhatItIs() {
        // a schema is named after its Java type's simple name unless told otherwise: Reindexer.Status was "Status"
        assertThat(description.at("/components/schemas").propertyNames())
                .contains("ReindexStatus")
                .doesNotContain("Status");
    }

    @Test
    void describesADeletionAsNoContent() {
        var deleted = description.at("/paths/~1api~1v1~1saved-searches~1{id}/delete/responses/204");

        assertThat(deleted.path("description").asString()).isNotEmpty();
        assertThat(deleted.has("content")).isFalse();
    }

    @Test
    void describesTheAlertsAsAnEventStream() {
        var ok = description.at("/paths/~1api~1v1~1saved-searches~1{id}~1stream/get/responses/200/content");

        assertThat(ok.has("text/event-stream")).isTrue();
        var all = description.at("/paths/~1api~1v1~1saved-searches~1stream/get");
        assertThat(all.at("/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(all.path("tags").get(0).asString()).isEqualTo("saved-searches");
    }

    private JsonNode parameter(String operation, String name) {
        for (var parameter : description.at(operation + "/parameters")) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError(operation + " has no parameter " + name);
    }
}
