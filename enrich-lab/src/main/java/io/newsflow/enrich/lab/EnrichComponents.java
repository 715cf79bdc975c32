package io.newsflow.enrich.lab;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.enrich.pipeline.EnrichmentConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The enrich service's components, wired by the service's own {@link EnrichmentConfiguration} (no Kafka), with the
 * service's default settings: the tools measure what the service runs, not a copy of its wiring. The contexts stay
 * open until the tool's JVM exits; the components hold nothing that needs closing.
 */
public final class EnrichComponents {

    private EnrichComponents() {}

    /** The service's defaults, bound from its own {@code application.yaml} so that the tools never drift from it. */
    public static EnrichProperties properties() {
        return Defaults.PROPERTIES;
    }

    /** The languages the service detects by default ({@code newsflow.enrich.languages}). */
    public static List<String> languages() {
        return properties().enrich().languages();
    }

    /** A component of the whole enrichment; the first call starts it (every language's models: seconds, ~300 MiB). */
    public static <T> T get(Class<T> type) {
        return Enrichment.CONTEXT.getBean(type);
    }

    /** A component that needs no other, started on its own (so that a measurement of its heap counts only it). */
    public static <T> T alone(Class<T> type) {
        var context = new AnnotationConfigApplicationContext(type);
        return context.getBean(type);
    }

    private static final class Defaults {
        static final EnrichProperties PROPERTIES = bind();

        private static EnrichProperties bind() {
            try {
                var sources = new YamlPropertySourceLoader()
                        .load(
                                "enrich-service",
                                new ClassPathResource("application.yaml", EnrichProperties.class.getClassLoader()));
                return new Binder(ConfigurationPropertySources.from(sources))
                        .bind("newsflow", EnrichProperties.class)
                        .orElseThrow(() -> new IllegalStateException(
                                "enrich-service's application.yaml has no newsflow settings"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read enrich-service's application.yaml", e);
            }
        }
    }

    private static final class Enrichment {
        static final AnnotationConfigApplicationContext CONTEXT = start();

        private static AnnotationConfigApplicationContext start() {
            var context = new AnnotationConfigApplicationContext();
            context.registerBean(EnrichProperties.class, EnrichComponents::properties);
            context.register(EnrichmentConfiguration.class);
            context.refresh();
            return context;
        }
    }
}
