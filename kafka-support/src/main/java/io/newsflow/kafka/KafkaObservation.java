package io.newsflow.kafka;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Switches Spring Kafka's observation on for every template and listener container factory of the context: a sent
 * record then carries the current trace context in its headers ({@code traceparent}), and a listener continues that
 * trace, so that one article's way through the services is one trace. Without a tracer (no Micrometer Tracing on the
 * class path) the observations only time the sends and receptions.
 */
class KafkaObservation implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // after Boot's configurer applied spring.kafka.*.observation-enabled, whose default is off
        if (bean instanceof KafkaTemplate<?, ?> template) {
            template.setObservationEnabled(true);
        } else if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            factory.getContainerProperties().setObservationEnabled(true);
        }
        return bean;
    }
}
