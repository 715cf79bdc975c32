package io.newsflow.ingest.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the ingest API's description that no annotation carries: what the API is, its tags, and the problem
 * responses (RFC 9457, {@code application/problem+json}) that the operations name with {@link ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Newsflow ingest API")
                        .version("v1")
                        .description("Takes articles in, pushed one by one or in batches, or polled from registered"
                                + " RSS and Atom feeds; gives each a stable id, recognises duplicates and new"
                                + " revisions, and publishes them to Kafka. Every error is an RFC 9457 problem"
                                + " (application/problem+json).")
                        .contact(new Contact().name("Newsflow").url("https://newsflow.io"))
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                // relative: the service that serves the description, not the address of the request that fetched it,
                // which springdoc would put here and which differs from one run to the next
                .servers(List.of(new Server().url("/").description("The service serving this description")))
                .tags(List.of(
                        new Tag()
                                .name(ProblemResponses.ARTICLES_TAG)
                                .description("Push articles: one, or a batch as a JSON array or NDJSON"),
                        new Tag()
                                .name(ProblemResponses.FEEDS_TAG)
                                .description("Register RSS and Atom feeds, which the service polls")))
                .components(new Components()
                        .addSchemas("ProblemDetail", problemDetail())
                        .addSchemas("InvalidField", invalidField())
                        .addResponses(
                                ProblemResponses.BAD_REQUEST,
                                problem("The request is malformed or invalid; `errors` names each invalid field"))
                        .addResponses(ProblemResponses.NOT_FOUND, problem("No such resource"))
                        .addResponses(
                                ProblemResponses.CONFLICT,
                                problem("An agency item older than the version already taken for its article"
                                        + " (`stale-version`): nothing was published; `recordedVersion` and"
                                        + " `sentVersion` name both"))
                        .addResponses(
                                ProblemResponses.CONTENT_TOO_LARGE,
                                problem("The body or the batch is over its limit, which `limit` gives"))
                        .addResponses(
                                ProblemResponses.UNSUPPORTED_MEDIA_TYPE,
                                problem("The request's Content-Type is not one the operation consumes"))
                        .addResponses(
                                ProblemResponses.SERVICE_UNAVAILABLE,
                                problem("Kafka did not acknowledge the change, or the service is not ready yet;"
                                        + " nothing was accepted, retry later")));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }

    /** Spring's {@code ProblemDetail} as this API fills it: the standard members and the extensions it adds. */
    private static Schema<?> problemDetail() {
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("Identifies the kind of problem, e.g."
                                        + " https://newsflow.io/problems/invalid-article"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty(
                        "status",
                        new IntegerSchema()
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599))
                                .description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/InvalidField"))
                                .description("400 for an invalid body: each invalid field and why"))
                .addProperty(
                        "line",
                        new IntegerSchema()
                                .minimum(BigDecimal.ONE)
                                .description("400 for malformed JSON:"
                                        + " the line where parsing stopped (the NDJSON line for a batch)"))
                .addProperty(
                        "column",
                        new IntegerSchema()
                                .minimum(BigDecimal.ONE)
                                .description("400 for malformed JSON:" + " the column where parsing stopped"))
                .addProperty(
                        "limit",
                        new IntegerSchema()
                                .format("int64")
                                .minimum(BigDecimal.ONE)
                                .description("413: the limit crossed, in bytes or in articles per batch"))
                .addProperty("articleId", new StringSchema().description("409: the article whose version is newer"))
                .addProperty(
                        "recordedRevision",
                        new IntegerSchema()
                                .format("int64")
                                .minimum(BigDecimal.ONE)
                                .description("409: the article's latest revision"))
                .addProperty(
                        "recordedVersion",
                        new IntegerSchema()
                                .format("int64")
                                .minimum(BigDecimal.ONE)
                                .description("409: the highest version of the item taken so far"))
                .addProperty(
                        "sentVersion",
                        new IntegerSchema()
                                .format("int64")
                                .minimum(BigDecimal.ONE)
                                .description("409: the older version this request carried"));
    }

    private static Schema<?> invalidField() {
        return new ObjectSchema()
                .description("One invalid field of a request")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("Its path, e.g. `title` or `authors[1]`; absent when the"
                                        + " rule spans fields"))
                .addProperty("message", new StringSchema().description("Why it is invalid"))
                .required(List.of("message"));
    }
}
