package io.newsflow.ingest.fetch;

import io.newsflow.events.Article;
import io.newsflow.extraction.ExtractedPage;
import io.newsflow.extraction.PageExtractor;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * What a web page gives an article: its main text as the body, and the metadata the article lacks (title, authors,
 * dates, language) from {@link PageExtractor}. What the article came with wins over the page's metadata: a
 * publisher's own title and dates are the ones it means. The text it came with (a teaser) becomes its summary, unless
 * it has one already.
 */
@Component
public class WebPages {

    // A whole document, not a fragment: a doctype or an <html> element at the start (after a BOM, blanks, comments).
    private static final Pattern WHOLE_PAGE = Pattern.compile(
            "^\\uFEFF?\\s*(<!--.*?-->\\s*)*(<\\?xml[^>]*>\\s*)?(<!doctype\\s+html|<html[\\s>])",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final PageExtractor extractor = new PageExtractor();

    /** Whether a pushed body is a whole web page (navigation and all), not an article's text. */
    public static boolean isWholePage(String body) {
        return body != null && WHOLE_PAGE.matcher(body).lookingAt();
    }

    /** The length of an HTML fragment's text, markup and surrounding blanks excluded. */
    static int textLength(String html) {
        return Jsoup.parseBodyFragment(html).text().strip().length();
    }

    /**
     * A pushed article whose body is a whole page, with the page's main text and metadata; as it was when the page
     * holds no article text.
     */
    public Article extractedFromBody(Article article) {
        var base = Optional.ofNullable(article.url()).flatMap(WebPages::uri).orElse(URI.create("http://localhost/"));
        var page = extractor.extract(article.body(), base);
        return page.text().isBlank() ? article : withPage(article, page, false);
    }

    /** The article with the page's text and the metadata it lacks; empty when the page holds no article text. */
    Optional<Article> withPage(Article article, String html, URI pageUrl) {
        var page = extractor.extract(html, pageUrl);
        return page.text().isBlank() ? Optional.empty() : Optional.of(withPage(article, page, true));
    }

    private static Article withPage(Article had, ExtractedPage page, boolean teaserIsSummary) {
        var placeholderTitle =
                had.title() == null || had.title().isBlank() || had.title().equals(had.url());
        var title = placeholderTitle && !page.title().isBlank() ? page.title() : had.title();
        var summary = had.summary() != null || !teaserIsSummary ? had.summary() : blankToNull(had.body());
        return new Article(
                title.length() > 1_000 ? title.substring(0, 1_000) : title,
                page.text(),
                had.url(),
                summary,
                had.authors().isEmpty() ? page.authors() : had.authors(),
                first(had.publishedAt(), page.published()),
                first(had.updatedAt(), page.modified()),
                had.language() != null
                        ? had.language()
                        : page.language().map(l -> l.toLowerCase(Locale.ROOT)).orElse(null),
                had.tags(),
                had.guid());
    }

    private static Instant first(Instant had, Optional<Instant> page) {
        return had != null ? had : page.orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Optional<URI> uri(String url) {
        try {
            var uri = new URI(url.strip());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
