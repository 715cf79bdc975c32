package io.newsflow.ingest.fetch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The fetcher group's member: takes fetch requests from the request topic and its retry topics (which
 * {@link FetchConfiguration#fetchRetries} declares, with the back-off), and hands the exhausted ones to
 * {@link PageFetchWorker#giveUp}. The offset of a request is committed only after the listener returned, hence after
 * its article was published.
 */
@Component(FetchListener.BEAN)
class FetchListener {

    static final String BEAN = "pageFetchListener";
    static final String ID = "page-fetcher";

    private static final Logger log = LoggerFactory.getLogger(FetchListener.class);

    private final PageFetchWorker worker;

    FetchListener(PageFetchWorker worker) {
        this.worker = worker;
    }

    @KafkaListener(
            id = ID,
            topics = "${newsflow.ingest.fetch.topic}",
            groupId = "${newsflow.ingest.fetch.consumer-group}",
            containerFactory = FetchConfiguration.CONTAINER_FACTORY,
            concurrency = "${newsflow.ingest.fetch.concurrency}")
    void onRequest(FetchRequest request) throws PageFetchWorker.RetryLaterException, InterruptedException {
        worker.process(request);
    }

    /** The last try failed: the article goes on with what it had. */
    void exhausted(ConsumerRecord<String, FetchRequest> record) {
        if (record.value() == null) {
            log.error(
                    "An unreadable fetch request at {}-{}@{} was dropped",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        worker.giveUp(record.value());
    }
}
