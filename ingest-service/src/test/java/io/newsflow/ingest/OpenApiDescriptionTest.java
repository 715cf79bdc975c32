package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.NewsflowTestInfrastructure;
import io.newsflow.testing.OpenApiDescriptionContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The description the service serves is the contract clients are generated from: it must be the committed
 * {@code openapi/ingest-service.json} ({@code ./newsflow openapi} updates it), and what a client depends on most
 * (the problem responses and their media type) is asserted here as well, so a regression fails in Java.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.raw=openapi.articles.raw",
            "newsflow.topics.ingest-state=openapi.articles.ingest-state"
        })
@Import(NewsflowTestInfrastructure.class)
class OpenApiDescriptionTest extends OpenApiDescriptionContract {

    OpenApiDescriptionTest() {
        super("ingest-service");
    }

    @Test
    void describesTheProblemsOfSubmittingArticles() {
        for (var path : List.of("/paths/~1api~1v1~1articles/post", "/paths/~1api~1v1~1articles~1batch/post")) {
            var responses = description.at(path + "/responses");

            assertThat(responses.at("/202/content/application~1json/schema").isObject())
                    .as("%s 202", path)
                    .isTrue();
            for (var status : List.of("400", "413", "415", "503")) {
                assertThat(resolve(responses.path(status)).at(PROBLEM_SCHEMA).asString())
                        .as("%s %s", path, status)
                        .isEqualTo(PROBLEM_DETAIL);
            }
        }
    }

    @Test
    void describesTheConflictOfAStaleAgencyVersion() {
        var conflict = resolve(description.at("/paths/~1api~1v1~1articles/post/responses/409"));

        assertThat(conflict.at(PROBLEM_SCHEMA).asString()).isEqualTo(PROBLEM_DETAIL);
        assertThat(description
                        .at("/components/schemas/ProblemDetail/properties/sentVersion/type")
                        .asString())
                .isEqualTo("integer");
    }

    @Test
    void describesTheProblemOfAnUnknownFeed() {
        var responses = description.at("/paths/~1api~1v1~1feeds~1{id}/get/responses");

        assertThat(resolve(responses.path("404")).at(PROBLEM_SCHEMA).asString()).isEqualTo(PROBLEM_DETAIL);
    }

    @Test
    void namesTheInvalidFieldsOfABadRequest() {
        assertThat(description
                        .at("/components/schemas/ProblemDetail/properties/errors/items/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/InvalidField");
    }
}
