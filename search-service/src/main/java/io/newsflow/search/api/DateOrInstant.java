package io.newsflow.search.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A {@code from} or {@code to} parameter: an instant ({@code 2025-03-01T08:00:00Z}), or a date ({@code 2025-03-01},
 * the whole day in UTC), in the years 0000 to 9999: the four-digit years Elasticsearch's date format reads.
 *
 * @param start the instant, or the start of the day
 * @param end the instant, or the start of the next day (the last millisecond of 9999 for the last day)
 */
record DateOrInstant(Instant start, Instant end) {

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    // past it, Java writes a year of five digits (+10000-01-01), which Elasticsearch refuses on every shard
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** @throws IllegalArgumentException when the value is neither, or outside the years 0000 to 9999 */
    static DateOrInstant parse(String value) {
        try {
            return within(value, Instant.parse(value.strip()), null);
        } catch (DateTimeParseException notAnInstant) {
            try {
                var day = LocalDate.parse(value.strip());
                var start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return within(value, start, start.isAfter(LATEST) ? null : day.plusDays(1));
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("neither an instant nor a date: " + value, notADate);
            }
        }
    }

    private static DateOrInstant within(String value, Instant start, LocalDate nextDay) {
        if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
            throw new IllegalArgumentException("outside the years 0000 to 9999: " + value);
        }
        var end = nextDay == null ? start : nextDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new DateOrInstant(start, end.isAfter(LATEST) ? LATEST : end);
    }
}
