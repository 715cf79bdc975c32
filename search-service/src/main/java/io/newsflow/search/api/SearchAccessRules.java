package io.newsflow.search.api;

import io.newsflow.security.AccessRules;
import io.newsflow.security.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The dashboard's page and assets are open (it signs in from the browser); reading and saving searches needs
 * {@code search:read}, each caller seeing only its own saved searches; the admin endpoints need {@code admin}.
 */
@Configuration(proxyBeanMethods = false)
class SearchAccessRules {

    @Bean
    AccessRules searchAccess() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/", "/dashboard/**")
                .permitAll()
                .requestMatchers("/api/v1/admin/**")
                .access(Scopes.require(Scopes.ADMIN))
                .requestMatchers("/api/v1/**")
                .access(Scopes.require(Scopes.SEARCH_READ));
    }
}
