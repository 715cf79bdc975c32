package io.newsflow.search.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A {@code from} or {@code to} parameter: an instant ({@code 2025-03-01T08:00:00Z}), or a date ({@code 2025-03-01},
 * the whole day in UTC).
 *
 * @param start the instant, or the start of the day
 * @param end the instant, or the start of the next day
 */
record DateOrInstant(Instant start, Instant end) {

    /** @throws IllegalArgumentException when the value is neither */
    static DateOrInstant parse(String value) {
        try {
            var instant = Instant.parse(value.strip());
            return new DateOrInstant(instant, instant);
        } catch (DateTimeParseException notAnInstant) {
            try {
                var day = LocalDate.parse(value.strip());
                return new DateOrInstant(
                        day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("neither an instant nor a date: " + value, notADate);
            }
        }
    }
}
