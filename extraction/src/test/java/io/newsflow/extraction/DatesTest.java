package io.newsflow.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-12-21T10:15:30+02:00 | 2023-12-21T08:15:30Z",
                "2023-12-21T10:15:30.123Z | 2023-12-21T10:15:30.123Z",
                "2023-12-21T10:15:30 | 2023-12-21T10:15:30Z",
                "2023-12-21 10:15:30.0 | 2023-12-21T10:15:30Z",
                "2023-12-21T10:15-0500 | 2023-12-21T15:15:00Z",
                "2023-12-21 | 2023-12-21T00:00:00Z",
                "Thu, 21 Dec 2023 10:15:30 GMT | 2023-12-21T10:15:30Z",
                "20231221 | 2023-12-21T00:00:00Z",
                "1703153730 | 2023-12-21T10:15:30Z"
            })
    void readsTheFormsPagesWrite(String raw, String expected) {
        assertThat(Dates.parse(raw)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "0001-01-01T00:00:00Z", "2023-13-45"})
    void refusesWhatIsNoPlausibleDate(String raw) {
        assertThat(Dates.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Published December 21, 2023 at 10:00 | 2023-12-21T00:00:00Z",
                "Dec. 21st, 2023 | 2023-12-21T00:00:00Z",
                "Updated: 21 December 2023 | 2023-12-21T00:00:00Z"
            })
    void readsADateWrittenOut(String text, String expected) {
        assertThat(Dates.writtenIn(text)).contains(Instant.parse(expected));
    }
}
