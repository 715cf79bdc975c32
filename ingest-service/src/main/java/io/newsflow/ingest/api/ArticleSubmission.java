package io.newsflow.ingest.api;

import io.newsflow.events.Article;
import io.newsflow.events.Source;
import io.newsflow.security.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The JSON an article is submitted as. {@code title} is required, and a {@code body} or a {@code url}. */
@Schema(description = "An article: a title, and a body or a url (or both)")
record ArticleSubmission(
        @Schema(minLength = 1, description = "The headline") @NotBlank @Size(max = 1_000) String title,
        @Schema(description = "The text, plain or HTML; required unless `url` is given") String body,
        @Schema(format = "uri", description = "Where the article is published; its canonical form is the article's id")
                @Size(max = 4_000)
                String url,
        @Schema(description = "The publisher's own summary") String summary,
        List<@NotBlank String> authors,
        @Valid SourceReference source,
        @Schema(description = "When the article was first published") Instant publishedAt,
        @Schema(description = "When the article was last changed") Instant updatedAt,
        @Schema(description = "BCP 47 language tag, e.g. `en`; detected when absent", example = "en") @Size(max = 16)
                String language,
        @Schema(description = "The publisher's tags") List<@NotBlank String> tags,
        @Schema(description = "The publisher's own id of the article, e.g. a feed item's GUID") @Size(max = 2_000)
                String guid) {

    @Schema(description = "The publication")
    record SourceReference(
            @Schema(description = "Its name", example = "RksNews") @Size(max = 200) String name,
            @Schema(description = "Its domain", example = "rksnews.com") @Size(max = 253) String domain) {}

    @AssertTrue(message = "an article needs a body or a url")
    boolean isBodyOrUrlPresent() {
        return body != null && !body.isBlank() || url != null && !url.isBlank();
    }

    Source toSource() {
        return source == null ? Source.pushed(null, null) : Source.pushed(source.name(), source.domain());
    }

    /** The source a caller bound to one publishes as, whatever the body names: the key decides, not the request. */
    Source toSource(Caller caller) {
        return caller.source()
                .map(bound -> Source.pushed(bound, source == null ? null : source.domain()))
                .orElseGet(this::toSource);
    }

    Article toArticle() {
        return new Article(title.strip(), body, url, summary, authors, publishedAt, updatedAt, language, tags, guid);
    }
}
