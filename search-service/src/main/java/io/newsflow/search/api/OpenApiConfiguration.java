package io.newsflow.search.api;

import io.newsflow.search.query.SearchCursor;
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
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What no annotation of the search API's description carries: the API itself, its tags, the admin token, and the
 * problem responses (RFC 9457, {@code application/problem+json}) that the operations name with
 * {@link ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "#/components/schemas/ProblemDetail";

    static {
        // each is read from one string (ParameterConversion): a parameter of its own, not an object to flatten
        SpringDocUtils.getConfig()
                .addSimpleTypesForParameterObject(DateOrInstant.class, SearchCursor.class)
                .replaceWithClass(DateOrInstant.class, String.class)
                .replaceWithClass(SearchCursor.class, String.class);
    }

    @Bean
    OpenAPI searchOpenApi() {
        var components = new Components()
                .addSchemas("ProblemDetail", problemDetail())
                .addSchemas("InvalidParameter", invalidParameter());
        components
                .addResponses(
                        ProblemResponses.BAD_REQUEST,
                        problem("A parameter or the body is invalid, or unknown; `errors` says what each should be"))
                .addResponses(ProblemResponses.UNAUTHORIZED, problem("No valid bearer token or API key was given"))
                .addResponses(ProblemResponses.FORBIDDEN, problem("The caller's scopes do not allow this request"))
                .addResponses(ProblemResponses.NOT_FOUND, problem("No resource with this id"))
                .addResponses(ProblemResponses.CONFLICT, problem("A reindex is running already"))
                .addResponses(
                        ProblemResponses.SERVICE_UNAVAILABLE, problem("Elasticsearch cannot be reached; retry later"));
        return new OpenAPI()
                .info(new Info()
                        .title("Newsflow search API")
                        .version("v1")
                        .description("Searches the enriched articles: full text with filters, facets and a date"
                                + " histogram, article details and similar articles, stories, trending terms,"
                                + " suggestions, saved searches with live alerts, and operator endpoints. Every"
                                + " error is an RFC 9457 problem (application/problem+json).")
                        .contact(new Contact().name("Newsflow").url("https://newsflow.io"))
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                // relative: the service that serves the description, not the address of the request that fetched it,
                // which springdoc would put here and which differs from one run to the next
                .servers(List.of(new Server().url("/").description("The service serving this description")))
                .tags(List.of(
                        tag(ProblemResponses.SEARCH_TAG, "Full-text search with filters, facets and a histogram"),
                        tag(ProblemResponses.ARTICLES_TAG, "One article, and the articles most like it"),
                        tag(ProblemResponses.STORIES_TAG, "Articles grouped by the story they tell"),
                        tag(ProblemResponses.TRENDING_TAG, "Terms rising in a recent window"),
                        tag(ProblemResponses.SUGGEST_TAG, "Completions of a typed prefix"),
                        tag(ProblemResponses.SAVED_SEARCHES_TAG, "Searches an editor keeps, and their live alerts"),
                        tag(ProblemResponses.ADMIN_TAG, "Operator endpoints, behind the admin token")))
                .components(components);
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    /** Spring's {@code ProblemDetail} as this API fills it: the standard members and the {@code errors} of a 400. */
    private static Schema<?> problemDetail() {
        var status = new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599));
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").description("The kind of problem"))
                .addProperty("title", new StringSchema().description("What the kind of problem is called"))
                .addProperty("status", status.description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/InvalidParameter"))
                                .description("400 for invalid parameters or fields: each of them, and why"));
    }

    private static Schema<?> invalidParameter() {
        return new ObjectSchema()
                .description("One invalid parameter or body field")
                .addProperty(
                        "name",
                        new StringSchema().description("Its name, e.g. `size`; absent when the rule spans several"))
                .addProperty("message", new StringSchema().description("What it should be"))
                .required(List.of("message"));
    }
}
