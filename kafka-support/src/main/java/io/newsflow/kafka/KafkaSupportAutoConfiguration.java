package io.newsflow.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Kafka behaviour shared by every Newsflow service: a {@code kafka} health indicator for readiness, and one error
 * handler that retries transient failures a bounded number of times and then dead-letters the record with its
 * reason, so that a poison message never blocks its partition (Spring Boot applies a {@link CommonErrorHandler} bean
 * to its auto-configured listener container factory); consumers that never create topics; observation (traces,
 * timings) on every template and listener container, with the article id in the logging context of record listeners;
 * and listener containers that stop as the rest of the service does.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(
            ProducerFactory<Object, Object> producerFactory, ObjectProvider<DeadLetterListener> deadLetterListeners) {
        var backOff = new ExponentialBackOffWithMaxRetries(4);
        backOff.setInitialInterval(250);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(4_000);
        var listeners = deadLetterListeners.orderedStream().toList();
        var handler = new DefaultErrorHandler(
                DeadLetters.recoverer(
                        producerFactory,
                        (record, reason) -> listeners.forEach(listener -> listener.deadLettered(record, reason))),
                backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    @Bean
    static KafkaObservation kafkaObservation() {
        return new KafkaObservation();
    }

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    ArticleIdLogging articleIdLogging() {
        return new ArticleIdLogging();
    }

    /**
     * A consumer that asks for a missing topic would otherwise have the broker create it with the broker's default
     * partition count and settings (not compacted, one partition where its owner declares several), and the owner's
     * declaration would then find it existing and leave it so. Topics are created only by their owners' declarations.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer noTopicAutoCreation() {
        return factory -> factory.updateConfigs(Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
    }

    /**
     * On shutdown a listener container stops polling, lets its listener finish the records of the poll in hand
     * ({@code spring.kafka.listener.immediate-stop} false, the default), commits their offsets and leaves the group.
     * Its own wait for that ({@code shutdownTimeout}, 10 s by default) is made the same as the one the context gives
     * each shutdown phase, {@code spring.lifecycle.timeout-per-shutdown-phase}: one figure for an operator to fit into
     * the termination grace period.
     */
    @Bean
    @ConditionalOnMissingBean(ContainerCustomizer.class)
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> stopWithinTheShutdownPhase(
            ObjectProvider<LifecycleProperties> lifecycle) {
        var timeout = lifecycle.getIfAvailable(LifecycleProperties::new).getTimeoutPerShutdownPhase();
        return container -> container
                .getContainerProperties()
                .setShutdownTimeout(timeout.compareTo(Duration.ZERO) > 0 ? timeout.toMillis() : 1);
    }
}
