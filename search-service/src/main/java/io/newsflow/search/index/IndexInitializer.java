package io.newsflow.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the index template and creates the index before the Kafka listener starts: a bulk write through a missing
 * alias would otherwise make Elasticsearch create a plain index of that name with a guessed mapping.
 */
@Component
class IndexInitializer implements SmartInitializingSingleton {

    private final ArticleIndex index;

    IndexInitializer(ArticleIndex index) {
        this.index = index;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            index.initialize();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the article index in Elasticsearch", e);
        }
    }
}
