package io.newsflow.extraction;

import java.net.URI;
import java.time.Instant;
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
 */
public record ExtractedPage(
        String title,
        String text,
        List<String> authors,
        Optional<Instant> published,
        Optional<Instant> modified,
        Optional<String> language,
        Optional<URI> image,
        Optional<URI> canonicalUrl) {

    public ExtractedPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        authors = List.copyOf(authors);
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
    }
}
