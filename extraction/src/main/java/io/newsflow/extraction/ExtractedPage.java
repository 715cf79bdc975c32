package io.newsflow.extraction;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PageExtractor} found on a page.
 *
 * @param title the headline, empty when the page names none
 * @param text the main text: paragraphs separated by blank lines, subheadings as paragraphs of their own; empty when
 *     the page holds no article text
 * @param authors the byline's names, in page order, without duplicates
 * @param publishedDay the day of {@code published} as the page dates it, at the page's own offset (an evening article
 *     written at -05:00 is on the day before its UTC day); the UTC day when the page gives no offset
 */
public record ExtractedPage(
        String title,
        String text,
        List<String> authors,
        Optional<Instant> published,
        Optional<Instant> modified,
        Optional<String> language,
        Optional<URI> image,
        Optional<URI> canonicalUrl,
        Optional<LocalDate> publishedDay) {

    public ExtractedPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        authors = List.copyOf(authors);
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(publishedDay, "publishedDay");
        if (published.isPresent() != publishedDay.isPresent()) {
            throw new IllegalArgumentException("publishedDay must be given exactly when published is");
        }
    }

    /** A page whose publication day is the UTC day of {@code published}. */
    public ExtractedPage(
            String title,
            String text,
            List<String> authors,
            Optional<Instant> published,
            Optional<Instant> modified,
            Optional<String> language,
            Optional<URI> image,
            Optional<URI> canonicalUrl) {
        this(
                title,
                text,
                authors,
                published,
                modified,
                language,
                image,
                canonicalUrl,
                published.map(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC)));
    }

    /** The metadata of this page with its main text. */
    ExtractedPage withText(String mainText) {
        return new ExtractedPage(
                title, mainText, authors, published, modified, language, image, canonicalUrl, publishedDay);
    }
}
