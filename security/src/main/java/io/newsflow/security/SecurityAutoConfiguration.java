package io.newsflow.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every Newsflow HTTP service as an OAuth2 resource server that also takes API keys: JWTs by Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}, keys from a compacted topic, scopes checked per endpoint by the
 * service's {@link AccessRules}, and 401/403 as problem details. No session, no cookie: every request carries its
 * credentials, so CSRF protection has nothing to protect.
 */
@AutoConfiguration(
        after = KafkaAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);

    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Open to anyone whatever the mode: errors, health for probes, metrics for the scraper, the API descriptions. */
    private static final String[] OPEN_PATHS = {
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    @Bean
    SecurityFilterChain newsflowSecurityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            ObjectProvider<ApiKeys> keys,
            ObjectProvider<JwtDecoder> jwt,
            ObjectProvider<AccessRules> rules,
            SecurityMetrics metrics) {
        var answers = new ProblemAnswers();
        var open = properties.mode() == SecurityProperties.Mode.OPEN;
        if (open) {
            log.warn("newsflow.security.mode=open: every caller may do everything, without credentials. Never run"
                    + " this on a network.");
        } else if (jwt.getIfAvailable() == null
                && (properties.adminKey() == null || properties.adminKey().isBlank())) {
            log.warn("Security is on, but neither a JWT issuer (spring.security.oauth2.resourceserver.jwt.issuer-uri or"
                    + " jwk-set-uri) nor newsflow.security.admin-key is configured: only API keys created earlier"
                    + " can sign in.");
        }
        http.addFilterBefore(
                new SlowBodyFilter(properties.requestBodies(), System::nanoTime), HeaderWriterFilter.class);
        http.headers(headers -> headers.contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(SecurityAutoConfiguration::contentSecurityPolicy))
                .cors(cors -> cors.configurationSource(corsOf(properties.cors())))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .authorizeHttpRequests(requests -> {
                    // an SSE stream's completion and an error page are dispatches of a request already authorized
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                            .permitAll();
                    if (open) {
                        requests.anyRequest().permitAll();
                        return;
                    }
                    requests.requestMatchers(OPEN_PATHS).permitAll();
                    requests.requestMatchers(ApiKeyController.PATH, ApiKeyController.PATH + "/**")
                            .access(Scopes.require(Scopes.ADMIN));
                    rules.orderedStream().forEach(rule -> rule.apply(requests));
                    requests.anyRequest().authenticated();
                });
        if (!open && properties.rateLimits().enabled()) {
            var limiter = new RateLimiter(properties.rateLimits());
            http.addFilterAfter(
                    new RateLimitFilter(limiter, RateLimitFilter.By.ADDRESS, answers, metrics),
                    HeaderWriterFilter.class);
            http.addFilterBefore(
                    new RateLimitFilter(limiter, RateLimitFilter.By.CALLER, answers, metrics),
                    AuthorizationFilter.class);
        }
        keys.ifAvailable(
                store -> http.addFilterBefore(new ApiKeyFilter(store, answers), BearerTokenAuthenticationFilter.class));
        jwt.ifAvailable(decoder -> http.oauth2ResourceServer(server -> server.jwt(token -> token.decoder(decoder))
                .authenticationEntryPoint(answers)
                .accessDeniedHandler(answers)));
        return http.build();
    }

    /**
     * Answers of the API are data, never a page: a policy that loads nothing and may be framed nowhere. A page the
     * service serves with a policy of its own (search's dashboard) keeps it, as the header is written when the response
     * is committed; Swagger UI is served by springdoc as it is, with inline code, so it goes without.
     */
    private static void contentSecurityPolicy(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(CONTENT_SECURITY_POLICY)
                && !request.getRequestURI().startsWith("/swagger-ui")) {
            response.setHeader(CONTENT_SECURITY_POLICY, API_POLICY);
        }
    }

    /** Only the configured origins; none by default, so a browser refuses every cross-origin call. */
    private static CorsConfigurationSource corsOf(SecurityProperties.Cors cors) {
        var source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            var configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(cors.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            configuration.setAllowedHeaders(
                    List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, ApiKeyFilter.HEADER, "Last-Event-ID"));
            configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
            configuration.setMaxAge(3_600L);
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }

    /** Tomcat's part of cutting off slow bodies: their connections are closed rather than read to the end. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class RefusedBodyValveConfiguration {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedBodyValve() {
            return factory -> factory.addContextValves(new RefusedBodyValve());
        }
    }

    /** No users: without it Spring Boot would make one with a generated password and log it. */
    @Bean
    InMemoryUserDetailsManager noUsers() {
        return new InMemoryUserDetailsManager(List.of());
    }

    @Bean
    SecurityMetrics securityMetrics(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
        return new SecurityMetrics(
                registry.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    @Bean
    Audit audit(SecurityMetrics metrics, ObjectProvider<Clock> clock) {
        return new Audit(metrics, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The security schemes in the service's OpenAPI description, asked of every operation. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApiSecurityConfiguration {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer securitySchemes() {
            return OpenApiSecuritySchemes::addTo;
        }
    }

    /** The key store and its admin API, where the service has Kafka (a web slice test has not). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({ConsumerFactory.class, ProducerFactory.class})
    static class ApiKeyStoreConfiguration {

        @Bean
        ApiKeys apiKeys(
                SecurityProperties properties,
                ConsumerFactory<?, ?> consumers,
                ProducerFactory<?, ?> producers,
                Environment environment,
                ObjectProvider<Clock> clock) {
            return new ApiKeys(
                    properties,
                    consumers,
                    producers,
                    environment.getProperty("spring.application.name", "newsflow"),
                    clock.getIfAvailable(Clock::systemUTC));
        }

        /** Declared by every service that takes keys, identically: whichever starts first creates it. */
        @Bean
        NewTopic apiKeysTopic(SecurityProperties properties) {
            return TopicBuilder.name(properties.apiKeys().topic())
                    .partitions(1)
                    .compact()
                    .build();
        }

        /** {@code apiKeys} in the health groups: each service's readiness group includes it. */
        @Bean
        ApiKeysHealthIndicator apiKeysHealthIndicator(ApiKeys keys) {
            return new ApiKeysHealthIndicator(keys);
        }

        @Bean
        ApiKeyController apiKeyController(ApiKeys keys, Audit audit) {
            return new ApiKeyController(keys, audit);
        }
    }
}
