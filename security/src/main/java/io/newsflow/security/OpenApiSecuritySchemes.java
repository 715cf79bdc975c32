package io.newsflow.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A bearer JWT or an API key, either of which every operation takes, and the 429 every operation may answer once a
 * rate limit is reached (the problem schema is the service's own {@code ProblemDetail}).
 */
final class OpenApiSecuritySchemes {

    static final String BEARER = "bearerToken";
    static final String API_KEY = "apiKey";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";

    static void addTo(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token of the configured issuer; its `scope` claim holds the"
                                        + " scopes (`articles:write`, `feeds:manage`, `search:read`, `admin`)"))
                .addSecuritySchemes(
                        API_KEY,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(ApiKeyFilter.HEADER)
                                .description("A key created through `/api/v1/api-keys` (also accepted as"
                                        + " `Authorization: ApiKey <key>`)"));
        openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
        openApi.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        openApi.getComponents()
                .addResponses(
                        TOO_MANY_REQUESTS,
                        new ApiResponse()
                                .description("Too many calls by this caller or from this address; retry after"
                                        + " `Retry-After` seconds")
                                .addHeaderObject(
                                        HttpHeaders.RETRY_AFTER,
                                        new Header()
                                                .description("Seconds until a call is allowed again")
                                                .schema(new IntegerSchema()))
                                .content(new Content()
                                        .addMediaType(
                                                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                new io.swagger.v3.oas.models.media.MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/ProblemDetail")))));
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(operation -> operation
                            .getResponses()
                            .addApiResponse(
                                    "429", new ApiResponse().$ref("#/components/responses/" + TOO_MANY_REQUESTS)));
                }
            });
        }
    }

    private OpenApiSecuritySchemes() {}
}
