package io.newsflow.ingest.api;

import io.newsflow.events.Article;
import io.newsflow.events.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The JSON an article is submitted as. {@code title} is required, and a {@code body} or a {@code url}. */
record ArticleSubmission(
        @NotBlank @Size(max = 1_000) String title,
        String body,
        @Size(max = 4_000) String url,
        String summary,
        List<@NotBlank String> authors,
        @Valid SourceReference source,
        Instant publishedAt,
        Instant updatedAt,
        @Size(max = 16) String language,
        List<@NotBlank String> tags,
        @Size(max = 2_000) String guid) {

    record SourceReference(@Size(max = 200) String name, @Size(max = 253) String domain) {}

    @AssertTrue(message = "an article needs a body or a url")
    boolean isBodyOrUrlPresent() {
        return body != null && !body.isBlank() || url != null && !url.isBlank();
    }

    Source toSource() {
        return source == null ? Source.pushed(null, null) : Source.pushed(source.name(), source.domain());
    }

    Article toArticle() {
        return new Article(title.strip(), body, url, summary, authors, publishedAt, updatedAt, language, tags, guid);
    }
}
