package io.newsflow.enrich.lab;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.enrich.pipeline.EnrichmentConfiguration;
import java.util.List;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The enrich service's components, wired by the service's own {@link EnrichmentConfiguration} (no Kafka), with the
 * service's default settings: the tools measure what the service runs, not a copy of its wiring. The contexts stay
 * open until the tool's JVM exits; the components hold nothing that needs closing.
 */
public final class EnrichComponents {

    /** The languages the service detects by default ({@code newsflow.enrich.languages}). */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt", "pl", "uk", "ru");

    private EnrichComponents() {}

    /** The service's defaults of {@code application.yaml}; the topics are not used here. */
    public static EnrichProperties properties() {
        return new EnrichProperties(
                new EnrichProperties.Topics("raw", "enriched", 1, (short) 1),
                new EnrichProperties.Enrich(1, LANGUAGES, 10, new EnrichProperties.Summary(3, 600)));
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
