package io.newsflow.ingest.http;

import io.newsflow.ingest.IngestProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /** One SSRF policy for every request ingest makes: feeds, sitemaps, pages and robots.txt. */
    @Bean
    AddressPolicy addressPolicy(IngestProperties properties) {
        return new AddressPolicy(properties.ingest().feeds().allowedHosts());
    }
}
