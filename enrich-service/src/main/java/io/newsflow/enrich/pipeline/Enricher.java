package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.EnrichProperties;
import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.fingerprint.SimHash;
import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.summary.Summarizer;
import io.newsflow.enrich.text.SentenceSplitter;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.enrich.text.Tokens;
import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.ArticleIngested;
import io.newsflow.events.Enrichment;
import io.newsflow.events.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Enriches one ingested article. A pure function of the event: the same input always gives the same output (no
 * clock, no randomness, scores rounded, every ranking with a tie-break), so a redelivered event is republished
 * byte for byte.
 */
@Component
public class Enricher {

    private static final int WORDS_PER_MINUTE = 230;
    // Lingua's time grows with the text; the start of an article is plenty to tell its language.
    private static final int LANGUAGE_SAMPLE = 600;

    private final LanguageDetector languages;
    private final TermAnalyzers analyzers;
    private final KeywordExtractor keywords;
    private final CategoryClassifier categories;
    private final Summarizer summarizer;
    private final EntityExtractor entities;
    private final EnrichProperties.Enrich settings;

    Enricher(
            LanguageDetector languages,
            TermAnalyzers analyzers,
            KeywordExtractor keywords,
            CategoryClassifier categories,
            Summarizer summarizer,
            EntityExtractor entities,
            EnrichProperties properties) {
        this.languages = languages;
        this.analyzers = analyzers;
        this.keywords = keywords;
        this.categories = categories;
        this.summarizer = summarizer;
        this.entities = entities;
        this.settings = properties.enrich();
    }

    public ArticleEnriched enrich(ArticleIngested event) {
        return ArticleEnriched.from(event, enrichment(event));
    }

    Enrichment enrichment(ArticleIngested event) {
        var article = event.article();
        var text = TextExtractor.plainText(
                article.body() != null ? article.body() : article.summary(),
                knownNames(event.source(), article.authors()));
        var sample = text.length() > LANGUAGE_SAMPLE ? text.substring(0, LANGUAGE_SAMPLE) : text;
        var language = languages.languageOf(article.language(), article.title() + "\n\n" + sample);
        var analyzer = analyzers.forLanguage(language);
        var analysed = TextExtractor.start(text, settings.analysedCharacters());
        var sentences = SentenceSplitter.sentences(analysed);
        var named = entities.extract(analysed, language);
        var keyphrases = keywords.extract(article.title(), sentences, analyzer, settings.keywords(), named::names);
        var category = categories.classify(article.title(), analysed, analyzer).orElse(null);
        var summary = summarizer.summarize(
                article.title(),
                sentences,
                analyzer,
                settings.summary().sentences(),
                settings.summary().characters());
        var tagNames = new ArrayList<String>();
        // A guess is no filter an editor can trust: the event carries it with its confidence, the tags do not.
        if (category != null && category.confident()) {
            tagNames.add(category.label());
        }
        Stream.of(named.people(), named.organizations(), named.places())
                .flatMap(List::stream)
                .map(Enrichment.Entity::name)
                .forEach(tagNames::add);
        keyphrases.stream().map(Enrichment.Keyword::term).forEach(tagNames::add);
        var publisherTags = Tags.of(article.tags());
        tagNames.addAll(publisherTags);
        int words = Tokens.count(text);
        return new Enrichment(
                language,
                text,
                keyphrases,
                named.people(),
                named.organizations(),
                named.places(),
                category,
                Tags.of(tagNames),
                summary.lede(),
                summary.sentences().isEmpty() ? null : summary.text(),
                words,
                Math.ceilDiv(words, WORDS_PER_MINUTE),
                SimHash.of(analysed, analyzer),
                publisherTags);
    }

    private static List<String> knownNames(Source source, List<String> authors) {
        var names = new ArrayList<String>();
        if (source != null) {
            names.add(source.name());
            names.add(source.domain());
        }
        if (authors != null) {
            authors.stream().filter(Objects::nonNull).forEach(names::add);
        }
        return names;
    }
}
