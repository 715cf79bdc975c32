package io.newsflow.search.api;

import io.newsflow.search.SearchProperties;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets dashboards on the configured origins call the API from a browser. */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

    private final List<String> allowedOrigins;

    CorsConfiguration(SearchProperties properties) {
        this.allowedOrigins = properties.search().cors().allowedOrigins();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (!allowedOrigins.isEmpty()) {
            registry.addMapping("/api/**")
                    .allowedOrigins(allowedOrigins.toArray(String[]::new))
                    .allowedMethods("GET", "POST", "DELETE")
                    .allowedHeaders("Authorization", "Content-Type", "Last-Event-ID")
                    .maxAge(3_600);
        }
    }
}
