package io.newsflow.ingest.api;

import io.newsflow.security.AccessRules;
import io.newsflow.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pushing articles needs {@code articles:write}; registering and changing feeds {@code feeds:manage}. */
@Configuration(proxyBeanMethods = false)
class IngestAccessRules {

    @Bean
    AccessRules ingestAccess() {
        return requests -> requests.requestMatchers(
                        RequestSizeLimitFilter.ARTICLES, RequestSizeLimitFilter.ARTICLES + "/**")
                .access(Scopes.require(Scopes.ARTICLES_WRITE))
                .requestMatchers("/api/v1/feeds", "/api/v1/feeds/**")
                .access(Scopes.require(Scopes.FEEDS_MANAGE));
    }
}
