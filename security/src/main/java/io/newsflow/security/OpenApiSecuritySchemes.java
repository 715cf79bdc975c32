package io.newsflow.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** A bearer JWT or an API key, either of which every operation takes. */
final class OpenApiSecuritySchemes {

    static final String BEARER = "bearerToken";
    static final String API_KEY = "apiKey";

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
    }

    private OpenApiSecuritySchemes() {}
}
