package io.newsflow.enrich.lab.entities;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Command-line runs print their own results: OpenNLP's per-iteration training log would bury them. */
final class QuietTraining {

    private QuietTraining() {}

    static void quiet() {
        if (LoggerFactory.getLogger("opennlp") instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }
}
