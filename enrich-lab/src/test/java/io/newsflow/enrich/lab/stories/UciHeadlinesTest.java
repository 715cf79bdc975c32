package io.newsflow.enrich.lab.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UciHeadlinesTest {

    @Test
    void readsQuotedFieldsByColumnNameAndSkipsBlankLines(@TempDir Path data) throws IOException {
        var file = data.resolve("stories/uci-headlines/headlines.csv");
        Files.createDirectories(file.getParent());
        // the first two rows of the real file, shortened
        Files.writeString(
                file,
                """
                ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP
                1,"Fed says ""weak"" data, caused by weather","http://a.example/x,0,1",Los Angeles Times,b,ddUy,a.example,1394470370698

                2,Fed's Plosser sees high bar,http://b.example/y,Livemint,b,ddUy,b.example,1394470371207
                """);

        try (var records = UciHeadlines.open(data)) {
            assertThat(records.getRecords())
                    .extracting(record -> record.get("TITLE"), record -> record.get("TIMESTAMP"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "Fed says \"weak\" data, caused by weather", "1394470370698"),
                            org.assertj.core.groups.Tuple.tuple("Fed's Plosser sees high bar", "1394470371207"));
        }
    }
}
