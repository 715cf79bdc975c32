package io.newsflow.enrich.category;

import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.events.Enrichment.Category;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Assigns one top-level {@link Taxonomy} category. The model is trained on English news (see
 * {@code io.newsflow.enrich.lab.eval.CategoryTraining} in enrich-lab), so articles in other languages get no category rather than a
 * guess.
 */
@Component
public class CategoryClassifier {

    public static final String MODEL_RESOURCE = "/io/newsflow/enrich/category/category-model.tsv";
    static final String MODEL_LANGUAGE = "en";

    private final CategoryModel model;

    CategoryClassifier() {
        this(load());
    }

    CategoryClassifier(CategoryModel model) {
        this.model = model;
    }

    public Optional<Category> classify(String title, String text, TermAnalyzer analyzer) {
        if (!MODEL_LANGUAGE.equals(analyzer.language())) {
            return Optional.empty();
        }
        var terms = CategoryModel.terms(title, text, analyzer);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        var prediction = model.predict(terms);
        return Optional.of(
                new Category(prediction.label().label(), Math.round(prediction.confidence() * 1000) / 1000.0));
    }

    private static CategoryModel load() {
        var in = CategoryClassifier.class.getResourceAsStream(MODEL_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(
                    "Missing " + MODEL_RESOURCE + ": run ./newsflow train-category <data-folder>");
        }
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CategoryModel.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MODEL_RESOURCE, e);
        }
    }
}
