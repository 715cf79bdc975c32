package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ArticleIdLoggingTest {

    private final ArticleIdLogging logging = new ArticleIdLogging();

    @Test
    void theRecordsKeyIsTheArticleIdInTheLoggingContextWhileTheRecordIsHandled() {
        var record = new ConsumerRecord<Object, Object>("raw", 0, 1L, "article-1", "event");

        logging.intercept(record, null);
        assertThat(MDC.get("articleId")).isEqualTo("article-1");

        logging.afterRecord(record, null);
        assertThat(MDC.get("articleId")).isNull();
    }
}
