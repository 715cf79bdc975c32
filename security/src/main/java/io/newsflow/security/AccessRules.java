package io.newsflow.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What a service asks of the callers of its endpoints, as a bean. The shared rules come around it: errors, health
 * and the API descriptions are open, the API-key admin API needs {@code admin}, and whatever no rule names needs a
 * signed-in caller.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
