package io.newsflow.enrich.lab.stories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The UCI News Aggregator headlines under a data folder ({@code stories/uci-headlines/headlines.csv}), read by column
 * name: ID, TITLE, URL, PUBLISHER, CATEGORY (b, t, e, m), STORY, HOSTNAME, TIMESTAMP (epoch milliseconds). Both the
 * story evaluation and the topic samples read it.
 */
public final class UciHeadlines {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private UciHeadlines() {}

    /** The headlines' records in file order; the caller closes the parser. */
    public static CSVParser open(Path data) throws IOException {
        return CSVParser.parse(
                Files.newBufferedReader(data.resolve("stories/uci-headlines/headlines.csv"), StandardCharsets.UTF_8),
                FORMAT);
    }
}
