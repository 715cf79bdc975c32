package io.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's description test checks: the served description is the committed one (see
 * {@link OpenApiDescriptions}), it is OpenAPI 3.1, and nothing is answered as any media type. A subclass is a
 * {@code @SpringBootTest} on a random port that adds what matters most to its own API's clients.
 */
public abstract class OpenApiDescriptionContract {

    /** Where a response's problem schema is, from the response. */
    protected static final String PROBLEM_SCHEMA = "/content/application~1problem+json/schema/$ref";

    protected static final String PROBLEM_DETAIL = "#/components/schemas/ProblemDetail";

    private final String service;

    // what @LocalServerPort stands for
    @Value("${local.server.port}")
    int port;

    private String served;

    /** The served description, parsed. */
    protected JsonNode description;

    /** @param service the module's name, which names its committed {@code openapi/<service>.json} */
    protected OpenApiDescriptionContract(String service) {
        this.service = service;
    }

    @BeforeEach
    void fetchDescription() throws Exception {
        served = OpenApiDescriptions.fetch(port);
        description = JsonMapper.builder().build().readTree(served);
    }

    @Test
    void isTheCommittedDescription() throws Exception {
        OpenApiDescriptions.assertCommitted(service, served);
    }

    @Test
    void isOpenApi31() {
        assertThat(description.path("openapi").asString()).startsWith("3.1");
    }

    @Test
    void answersNothingAsAnyMediaType() {
        assertThat(description.findValues("*/*")).isEmpty();
    }

    /** A response given as a {@code $ref} to {@code #/components/responses/...}, or inline. */
    protected JsonNode resolve(JsonNode response) {
        var ref = response.path("$ref").asString("");
        return ref.isEmpty() ? response : description.at(ref.substring(1));
    }
}
