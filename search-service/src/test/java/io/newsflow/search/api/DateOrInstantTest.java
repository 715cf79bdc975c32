package io.newsflow.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateOrInstantTest {

    @Test
    void aDateIsTheWholeDayInUtc() {
        var day = DateOrInstant.parse("2025-03-01");

        assertThat(day.start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
    }

    /** The next day would be +10000-01-01, a date Elasticsearch cannot read (the fuzz test found it as a 500). */
    @Test
    void theLastDayEndsInsideTheYear9999() {
        var last = DateOrInstant.parse("9999-12-31");

        assertThat(last.end()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
        assertThat(last.end().toString()).startsWith("9999-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "+999999999-12-31", "-0001-12-31", "+10000-01-01T00:00:00Z"})
    void yearsOutsideFourDigitsAreRefused(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DateOrInstant.parse(value))
                .withMessageContaining("outside the years 0000 to 9999");
    }

    @Test
    void anInstantIsBothEnds() {
        var instant = DateOrInstant.parse("2025-03-01T08:00:00Z");

        assertThat(instant.start()).isEqualTo(instant.end());
    }
}
