package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Enrichment;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Enriches one ingested article. A pure function of the event: the same input always gives the same output. */
@Component
class Enricher {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
    private static final int WORDS_PER_MINUTE = 230;

    private final LanguageDetector languages;

    Enricher(LanguageDetector languages) {
        this.languages = languages;
    }

    ArticleEnriched enrich(ArticleIngested event) {
        var article = event.article();
        var text = TextExtractor.plainText(article.body() != null ? article.body() : article.summary());
        var words = (int) WORD.matcher(text).results().count();
        var enrichment = new Enrichment(
                languages.detect(article.title() + "\n\n" + text),
                text,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                null,
                words,
                Math.ceilDiv(words, WORDS_PER_MINUTE),
                null);
        return ArticleEnriched.from(event, enrichment);
    }
}
