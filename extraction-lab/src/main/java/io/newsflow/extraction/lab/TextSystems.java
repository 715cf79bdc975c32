package io.newsflow.extraction.lab;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import io.newsflow.enrich.text.TextExtractor;
import io.newsflow.extraction.PageExtractor;
import java.util.List;
import java.util.function.Function;
import net.dankito.readability4j.extended.Readability4JExtended;

/** The main-text extractors measured side by side: ours, today's text cleaning, and two Java libraries. */
final class TextSystems {

    /** A named extractor from a page to its main text. */
    record TextSystem(String name, Function<Pages.Page, String> extract) {}

    private static final PageExtractor EXTRACTOR = new PageExtractor();

    private TextSystems() {}

    static TextSystem newsflow() {
        return new TextSystem(
                "newsflow PageExtractor",
                page -> EXTRACTOR.extract(page.html(), page.url()).text());
    }

    static TextSystem todaysCleaning() {
        return new TextSystem("today: enrich TextExtractor", page -> TextExtractor.plainText(page.html()));
    }

    static List<TextSystem> all() {
        return List.of(newsflow(), todaysCleaning(), readability4j(), boilerpipe());
    }

    static TextSystem readability4j() {
        return new TextSystem("Readability4J 1.0.8", page -> {
            var article = new Readability4JExtended(page.url().toString(), page.html()).parse();
            var text = article.getTextContent();
            return text == null ? "" : text;
        });
    }

    static TextSystem boilerpipe() {
        return new TextSystem("boilerpipe 1.2.2 (Java)", page -> {
            try {
                return ArticleExtractor.INSTANCE.getText(page.html());
            } catch (BoilerpipeProcessingException failed) {
                return "";
            }
        });
    }
}
