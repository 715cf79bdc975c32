package io.newsflow.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the record's key, the article id of every Newsflow event, into the logging context ({@code articleId}) while
 * a record listener handles it, as ingest does for the articles it takes in; structured logs carry it next to the
 * trace id.
 */
class ArticleIdLogging implements RecordInterceptor<Object, Object> {

    static final String KEY = "articleId";

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (record.key() != null) {
            MDC.put(KEY, record.key().toString());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(KEY);
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        MDC.remove(KEY);
    }
}
