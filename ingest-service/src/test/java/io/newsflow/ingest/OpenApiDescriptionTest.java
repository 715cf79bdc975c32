package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testing.NewsflowTestInfrastructure;
import io.newsflow.testing.OpenApiDescriptions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The description the service serves is the contract clients are generated from: it must be the committed
 * {@code openapi/ingest-service.json}, which the client module generates from and {@code ./newsflow test} lints
 * with Spectral ({@code ./newsflow openapi} updates it), and what a client
 * depends on most (the problem responses and their media type) is asserted here as well, so a regression fails in Java.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsflow.topics.raw=openapi.articles.raw",
            "newsflow.topics.ingest-state=openapi.articles.ingest-state"
        })
@Import(NewsflowTestInfrastructure.class)
class OpenApiDescriptionTest {

    private static final String PROBLEM_SCHEMA = "/content/application~1problem+json/schema/$ref";

    @LocalServerPort
    int port;

    private String served;
    private JsonNode description;

    @BeforeEach
    void fetchDescription() throws Exception {
        served = OpenApiDescriptions.fetch(port);
        description = JsonMapper.builder().build().readTree(served);
    }

    @Test
    void isTheCommittedDescription() throws Exception {
        OpenApiDescriptions.assertCommitted("ingest-service", served);
    }

    @Test
    void isOpenApi31() {
        assertThat(description.path("openapi").asString()).startsWith("3.1");
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
                        .isEqualTo("#/components/schemas/ProblemDetail");
            }
        }
    }

    @Test
    void describesTheProblemOfAnUnknownFeed() {
        var responses = description.at("/paths/~1api~1v1~1feeds~1{id}/get/responses");

        assertThat(resolve(responses.path("404")).at(PROBLEM_SCHEMA).asString())
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void namesTheInvalidFieldsOfABadRequest() {
        assertThat(description
                        .at("/components/schemas/ProblemDetail/properties/errors/items/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/InvalidField");
    }

    @Test
    void answersNothingAsAnyMediaType() {
        assertThat(description.findValues("*/*")).isEmpty();
    }

    /** A response given as a {@code $ref} to {@code #/components/responses/...}, or inline. */
    private JsonNode resolve(JsonNode response) {
        var ref = response.path("$ref").asString("");
        return ref.isEmpty() ? response : description.at(ref.substring(1));
    }
}
