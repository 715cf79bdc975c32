package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * An article as it was submitted or found in a feed. The body is carried as data (text or HTML) and never rendered.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
        @NotNull String title,
        String body,
        String url,
        String summary,
        List<String> authors,
        Instant publishedAt,
        Instant updatedAt,
        String language,
        List<String> tags,
        String guid) {

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An article that has only a title and a body. */
    public static Article of(String title, String body) {
        return new Article(title, body, null, null, List.of(), null, null, null, List.of(), null);
    }
}
