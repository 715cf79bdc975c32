package io.newsflow.ingest.agency;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An agency item that is not well-formed, breaks its format's schema, or carries no article. */
public class InvalidAgencyItemException extends RuntimeException {

    /** Why the item is not an article: broken, or well-formed but of a kind that carries no article. */
    public enum Kind {
        MALFORMED,
        INVALID,
        NOT_AN_ARTICLE
    }

    private final Kind kind;
    private final String format;
    private final List<Violation> errors;

    InvalidAgencyItemException(Kind kind, String format, String message, List<Violation> errors) {
        super(message);
        this.kind = kind;
        this.format = format;
        this.errors = List.copyOf(errors);
    }

    static InvalidAgencyItemException notAnArticle(String format, String field, String message) {
        return new InvalidAgencyItemException(
                Kind.NOT_AN_ARTICLE,
                format,
                "The " + format + " item carries no article: " + message + ".",
                List.of(new Violation(field, message, null, null)));
    }

    public Kind kind() {
        return kind;
    }

    /** {@code NewsML-G2} or {@code ninjs <version>}. */
    public String format() {
        return format;
    }

    public List<Violation> errors() {
        return errors;
    }

    /**
     * One thing wrong with the item: where (a JSON pointer, an element, or the line and column of the XML) and what.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, String message, Integer line, Integer column) {}
}
