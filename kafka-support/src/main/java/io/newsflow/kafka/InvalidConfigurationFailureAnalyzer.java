package io.newsflow.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Tells an operator which setting stopped the service, in the terms they set it by: for every property whose value
 * failed its constraints or could not be converted, one line with the environment variable, the property, what is
 * wrong, the value and where it came from. It runs before Spring Boot's own analyzers of the same failures, whose
 * report names only the property (and for a record, its Java field name).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException failure) {
        var problems = failure.getCause() instanceof BindValidationException validation
                ? violations(validation)
                : List.of(unconvertible(failure));
        return new FailureAnalysis(
                "Invalid configuration:\n"
                        + problems.stream().map(line -> "  - " + line).collect(Collectors.joining("\n")),
                "Give each setting above a valid value, by its environment variable or as the property, and start the"
                        + " service again.",
                failure);
    }

    private static List<String> violations(BindValidationException validation) {
        var errors = validation.getValidationErrors();
        var lines = new ArrayList<String>();
        for (ObjectError error : errors.getAllErrors()) {
            if (error instanceof FieldError field) {
                var property = DataObjectPropertyName.toDashedForm(field.getObjectName() + "." + field.getField());
                var name = ConfigurationPropertyName.adapt(property, '.');
                // The value as the operator wrote it ("5MB", where the converted one reads "5242880B"); for an element
                // of a list given as one comma-separated value, the element, and where that list came from.
                var written = errors.getBoundProperties().stream()
                        .filter(bound -> bound.getName().equals(name))
                        .findFirst();
                var origin = written.or(() -> errors.getBoundProperties().stream()
                                .filter(bound -> bound.getName().isAncestorOf(name))
                                .findFirst())
                        .map(ConfigurationProperty::getOrigin)
                        .orElse(Origin.from(field));
                lines.add(line(
                        property,
                        field.getDefaultMessage(),
                        written.<Object>map(ConfigurationProperty::getValue).orElse(field.getRejectedValue()),
                        origin));
            } else {
                var property = errors.getName().toString();
                lines.add(line(property, error.getDefaultMessage(), null, Origin.from(error)));
            }
        }
        return lines.stream().sorted().toList();
    }

    private static String unconvertible(BindException failure) {
        var property = failure.getName().toString();
        var bound = failure.getProperty();
        var target = failure.getTarget().getType().resolve(Object.class).getSimpleName();
        return line(
                property,
                "cannot be read as " + target + " (" + reason(failure.getCause()) + ")",
                bound == null ? null : bound.getValue(),
                bound == null ? null : bound.getOrigin());
    }

    private static String line(String property, String problem, Object value, Origin origin) {
        var line = new StringBuilder()
                .append(EnvironmentVariables.of(property))
                .append(" (")
                .append(property)
                .append("): ")
                .append(problem);
        if (value != null) {
            line.append("; the value is \"").append(value).append('"');
        }
        if (origin != null) {
            line.append(", from ").append(origin);
        }
        return line.toString();
    }

    /** The innermost message, which says what the value lacks (Boot's wrappers only repeat the property). */
    private static String reason(Throwable cause) {
        Throwable innermost = cause;
        while (innermost != null && innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return Objects.requireNonNullElse(innermost == null ? null : innermost.getMessage(), "unreadable value");
    }
}
