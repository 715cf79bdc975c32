package io.newsflow.extraction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the dates pages write into their metadata: ISO 8601 with or without offset, seconds or a time, RFC 1123,
 * and compact forms such as {@code 20230512}. A date without a zone is taken as UTC.
 */
final class Dates {

    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final Pattern COMPACT =
            Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?Z?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");
    private static final Pattern ISO_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[^\"<]{0,30}");
    private static final int EARLIEST_YEAR = 1995;
    private static final Pattern URL_DATE = Pattern.compile(
            "/(20\\d{2})[/-](\\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-](\\d{1,2})(?=[/._-]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(" + MONTHS + ")\\.?,?\\s+((?:19|20)\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);

    private Dates() {}

    static Optional<Instant> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var value = raw.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return iso(value)
                .or(() -> rfc1123(value))
                .or(() -> compact(value))
                .or(() -> epoch(value))
                .filter(Dates::plausible);
    }

    /** An ISO date at the start of a longer text, e.g. "2023-05-12T10:00:00+02:00 (updated)". */
    static Optional<Instant> findIn(String text) {
        var matcher = ISO_PREFIX.matcher(text);
        while (matcher.find()) {
            var candidate = matcher.group();
            for (int end = candidate.length(); end >= 10; end--) {
                var parsed = iso(candidate.substring(0, end).strip());
                if (parsed.isPresent()) {
                    return parsed.filter(Dates::plausible);
                }
            }
        }
        return Optional.empty();
    }

    /** The date in a URL's path, as in {@code /2023/12/21/} or {@code /2023/dec/21/}. */
    static Optional<Instant> inUrl(String url) {
        var matcher = URL_DATE.matcher(url);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return date(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    /** An English date written out, as in "December 21, 2023", "Dec. 21, 2023" or "21 December 2023". */
    static Optional<Instant> writtenIn(String text) {
        var monthFirst = MONTH_DAY_YEAR.matcher(text);
        if (monthFirst.find()) {
            return date(monthFirst.group(3), monthFirst.group(1), monthFirst.group(2));
        }
        var dayFirst = DAY_MONTH_YEAR.matcher(text);
        if (dayFirst.find()) {
            return date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1));
        }
        return Optional.empty();
    }

    private static Optional<Instant> date(String year, String month, String day) {
        var monthNumber = Character.isDigit(month.charAt(0))
                ? Integer.parseInt(month)
                : MONTH_PREFIXES.indexOf(month.substring(0, 3).toLowerCase(Locale.ROOT)) / 3 + 1;
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), monthNumber, Integer.parseInt(day))
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant())
                    .filter(Dates::plausible);
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static final String MONTH_PREFIXES = "janfebmaraprmayjunjulaugsepoctnovdec";

    private static Optional<Instant> iso(String value) {
        try {
            var parsed = ISO_LENIENT.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            return Optional.of(
                    switch (parsed) {
                        case OffsetDateTime offset -> offset.toInstant();
                        case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
                        case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
                        default -> throw new DateTimeException("unexpected " + parsed);
                    });
        } catch (DateTimeException notIso) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc1123(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeException notRfc) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> compact(String value) {
        var matcher = COMPACT.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            var date = LocalDate.of(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
            var hour = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
            var minute = matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5));
            var second = matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6));
            return Optional.of(date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> epoch(String value) {
        if (!EPOCH.matcher(value).matches()) {
            return Optional.empty();
        }
        var number = Long.parseLong(value);
        return Optional.of(value.length() == 13 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
    }

    private static boolean plausible(Instant instant) {
        var year = instant.atZone(ZoneOffset.UTC).getYear();
        return year >= EARLIEST_YEAR && year <= 2100;
    }
}
