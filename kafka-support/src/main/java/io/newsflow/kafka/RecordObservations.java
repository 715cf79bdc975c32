package io.newsflow.kafka;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * One observation per record around work done for a whole batch (a bulk request), each continuing the trace whose
 * context came in the record's headers. A batch listener container observes each record only before it calls the
 * listener (Spring Kafka 4), so without this the work of a batch would belong to no article's trace.
 */
public final class RecordObservations {

    /** The key of the article id on each span (a high-cardinality key value: never a metric tag). */
    public static final String ARTICLE_ID = "newsflow.article.id";

    private RecordObservations() {}

    public static void observeEach(
            ObservationRegistry registry,
            String name,
            String listenerId,
            List<? extends ConsumerRecord<?, ?>> records,
            Runnable work) {
        if (registry.isNoop() || records.isEmpty()) {
            work.run();
            return;
        }
        var observations = records.stream()
                .map(record -> Observation.createNotStarted(
                                name,
                                () -> new KafkaRecordReceiverContext(record, listenerId, "", "", () -> ""),
                                registry)
                        .contextualName(record.topic() + " " + name)
                        .lowCardinalityKeyValue("messaging.destination.name", record.topic())
                        .highCardinalityKeyValue(ARTICLE_ID, String.valueOf(record.key()))
                        .start())
                .toList();
        try {
            work.run();
        } catch (RuntimeException e) {
            observations.forEach(observation -> observation.error(e));
            throw e;
        } finally {
            observations.forEach(Observation::stop);
        }
    }
}
