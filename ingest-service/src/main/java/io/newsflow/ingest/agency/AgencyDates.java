package io.newsflow.ingest.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Agency timestamps: NewsML-G2 allows truncated ones (a date alone) and both formats allow a missing offset; those
 * are read as UTC, the only zone the article knows.
 */
final class AgencyDates {

    private AgencyDates() {}

    static Instant parse(String value, String field, String format) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException offsetMissing) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException timeMissing) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new InvalidAgencyItemException(
                            InvalidAgencyItemException.Kind.INVALID,
                            format,
                            "The " + format + " item has an invalid date in " + field + ".",
                            List.of(new InvalidAgencyItemException.Violation(
                                    field, "not an ISO 8601 date or date-time: " + text, null, null)));
                }
            }
        }
    }
}
