package io.newsflow.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newsflow.security}: who may call a service. JWTs are checked by Spring Boot's own resource-server properties
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}); API keys by this service.
 *
 * @param mode {@code on} (the default) asks every caller for credentials; {@code open} lets anyone do anything and
 *     says so in a warning at every start
 * @param adminKey an API key with the {@code admin} scope that exists without being created through the API, so that
 *     the first keys can be created; only its hash is kept in memory. No default: without it (and without an issuer)
 *     nobody can get in
 * @param apiKeys where the created keys are kept
 */
@Validated
@ConfigurationProperties("newsflow.security")
public record SecurityProperties(
        @DefaultValue("on") @NotNull Mode mode,
        @Pattern(regexp = "|.{20,}", message = "must be at least 20 characters") String adminKey,
        @DefaultValue @Valid @NotNull ApiKeys apiKeys) {

    public enum Mode {
        ON,
        OPEN
    }

    /**
     * @param topic the compacted topic that holds every key's hash and scopes, shared by every instance and service
     */
    public record ApiKeys(@DefaultValue("newsflow.security.api-keys") @NotBlank String topic) {}
}
