package io.newsflow.ingest.feeds;

import io.newsflow.ingest.IngestProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;

/** The Bean Validation constraints of a feed registration, and the parsing they check. */
final class FeedConstraints {

    private FeedConstraints() {}

    /** An absolute http or https URL with a host; a blank value is left to {@code @NotBlank}. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = HttpUrlValidator.class)
    @interface HttpUrl {

        String message() default "must be an absolute http or https URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * ISO-8601 ({@code PT15M}) or short ({@code 15m}, {@code 2h}), at least
     * {@code newsflow.ingest.feeds.min-poll-interval}; a blank value means the default interval.
     */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PollIntervalValidator.class)
    @interface PollInterval {

        String message() default "must be an ISO-8601 duration (PT15M) or like 15m, 2h, 1d";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The URL the value names, when it is an absolute http or https one. */
    static Optional<URI> httpUrl(String value) {
        try {
            var url = new URI(value.strip());
            var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                    ? Optional.of(url)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static Duration pollInterval(String value) {
        return DurationStyle.detectAndParse(value.strip());
    }

    static final class HttpUrlValidator implements ConstraintValidator<HttpUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                new URI(value.strip());
            } catch (URISyntaxException e) {
                return invalid(context, "is not a valid URL: " + e.getReason());
            }
            return httpUrl(value).isPresent();
        }
    }

    /** Created by Spring's constraint validator factory, which injects the properties. */
    static final class PollIntervalValidator implements ConstraintValidator<PollInterval, String> {

        private final Duration min;

        PollIntervalValidator(IngestProperties properties) {
            this.min = properties.ingest().feeds().minPollInterval();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            Duration interval;
            try {
                interval = pollInterval(value);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return interval.compareTo(min) >= 0 || invalid(context, "must be at least " + min);
        }
    }

    /** Replaces the default message with one that says more; escaped, so that it is never interpolated. */
    private static boolean invalid(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replaceAll("([\\\\{}$])", "\\\\$1"))
                .addConstraintViolation();
        return false;
    }
}
