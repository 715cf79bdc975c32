package io.newsflow.search.api;

import io.newsflow.search.query.SearchCursor;
import io.newsflow.search.query.SearchQuery;
import io.newsflow.search.query.Sort;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The types of the request parameters, read as the README writes them. A value that does not convert becomes a 400
 * problem whose detail comes from {@code messages.properties} ({@code typeMismatch.<parameter>}).
 */
@Configuration(proxyBeanMethods = false)
class ParameterConversion implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Sort.class, value -> Sort.parse(value.strip())
                .orElseThrow(() -> new IllegalArgumentException("unknown sort " + value)));
        registry.addConverter(
                String.class, SearchQuery.Interval.class, value -> SearchQuery.Interval.parse(value.strip())
                        .orElseThrow(() -> new IllegalArgumentException("unknown interval " + value)));
        registry.addConverter(String.class, SearchCursor.class, SearchCursor::decode);
        registry.addConverter(String.class, DateOrInstant.class, DateOrInstant::parse);
        // 90m, 24h, 7d, as in the configuration (and ISO-8601 like PT24H)
        registry.addConverter(String.class, Duration.class, value -> DurationStyle.detectAndParse(value.strip()));
    }
}
