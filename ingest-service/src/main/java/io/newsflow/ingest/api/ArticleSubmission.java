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
                String guid,
        @Schema(
                        description = "Fetch the page at `url` and publish its text, even though a body is given (the"
                                + " body is kept as the summary, and published as it is if the page cannot be had);"
                                + " an article with a url and no body is always fetched")
                Boolean fetch) {

    @Schema(description = "The publication")
    record SourceReference(
            @Schema(description = "Its name", example = "RksNews") @Size(max = 200) String name,
            @Schema(description = "Its domain", example = "rksnews.com") @Size(max = 253) String domain) {}

    @AssertTrue(message = "an article needs a body or a url")
    boolean isBodyOrUrlPresent() {
        return body != null && !body.isBlank() || url != null && !url.isBlank();
    }

    /**
     * Whether every constraint above certainly holds, checked by hand: Bean Validation's reflective walk over the
     * record (and its list elements) cost a batch more CPU per article than anything it checks. Only a submission
     * this does not pass is given to the validator, which names each violation as the problem details always did;
     * {@code ArticleSubmissionConstraintsTest} keeps the two in step.
     */
    boolean plainlyValid() {
        return notBlank(title)
                && title.length() <= 1_000
                && (url == null || url.length() <= 4_000)
                && (language == null || language.length() <= 16)
                && (guid == null || guid.length() <= 2_000)
                && (source == null
                        || (source.name() == null || source.name().length() <= 200)
                                && (source.domain() == null || source.domain().length() <= 253))
                && allNotBlank(authors)
                && allNotBlank(tags)
                && isBodyOrUrlPresent();
    }

    /** {@code @NotBlank} as Hibernate Validator 9 has it: not null and not {@link String#isBlank()}. */
    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static boolean allNotBlank(List<String> texts) {
        if (texts == null) {
            return true;
        }
        for (var text : texts) {
            if (!notBlank(text)) {
                return false;
            }
        }
        return true;
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

    /** Whether its page is to be fetched: it has a url, and no body or asks for fetching. */
    boolean needsFetching() {
        return url != null && !url.isBlank() && (body == null || body.isBlank() || Boolean.TRUE.equals(fetch));
    }
}
