package io.newsflow.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.ConsumerFactory;

/** The service's settings as its application.yaml gives them, for tests of one class without a Spring context. */
public final class DefaultIngestProperties {

    private DefaultIngestProperties() {}

    public static IngestProperties load() {
        try {
            var yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
            return new Binder(ConfigurationPropertySources.from(yaml))
                    .bind("newsflow", IngestProperties.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A consumer factory that hands out {@link MockConsumer}s and keeps the properties each consumer was created
     * with, to check what a class asks of its consumers.
     */
    public static ConsumerFactory<?, ?> recordingConsumerFactory(List<Properties> created) {
        @SuppressWarnings("unchecked")
        ConsumerFactory<Object, Object> factory = Mockito.mock(ConsumerFactory.class);
        Mockito.when(factory.createConsumer(
                        Mockito.any(), Mockito.anyString(), Mockito.any(), Mockito.any(Properties.class)))
                .thenAnswer(invocation -> {
                    created.add(invocation.getArgument(3));
                    return new MockConsumer<>("earliest");
                });
        return factory;
    }

    public static List<Properties> newRecord() {
        return new CopyOnWriteArrayList<>();
    }
}
