package io.newsflow.enrich.lab.eval;

import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.category.CategoryModel;
import io.newsflow.enrich.category.Taxonomy;
import io.newsflow.enrich.keywords.DocumentFrequencies;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.text.TextExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.TreeMap;

/**
 * Trains the category model on the BBC training split (every article not held out, see {@link BbcCorpus}) and
 * writes it, with the English document frequencies the keyword extractor uses, into the service's resources. The
 * output depends on the data only: run it again on the same data and the files do not change.
 *
 * <p>{@code ./newsflow train-category <data-folder>} runs it.
 */
public final class CategoryTraining {

    private CategoryTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CategoryTraining <data-folder> [<resources-folder>]");
            System.exit(2);
        }
        var resources = Path.of(args.length > 1 ? args[1] : "enrich-service/src/main/resources");
        run(Path.of(args[0]), resources, System.out);
    }

    public static void run(Path dataFolder, Path resources, PrintStream out) throws IOException {
        var english = new TermAnalyzers(EnrichComponents.properties()).forLanguage("en");
        var documents = new ArrayList<CategoryModel.Document>();
        var documentFrequencies = new TreeMap<String, Integer>();
        for (var article : BbcCorpus.read(dataFolder)) {
            if (article.heldOut()) {
                continue;
            }
            var label = Taxonomy.ofBbcClass(article.bbcClass()).orElseThrow();
            var terms = CategoryModel.terms(article.title(), TextExtractor.plainText(article.body()), english);
            documents.add(new CategoryModel.Document(label, terms));
            for (var term :
                    new HashSet<>(terms.stream().map(CategoryModel::unmarked).toList())) {
                documentFrequencies.merge(term, 1, Integer::sum);
            }
        }
        var model = CategoryModel.train(documents);
        var modelFile = resources.resolve(CategoryClassifier.MODEL_RESOURCE.substring(1));
        Files.createDirectories(modelFile.getParent());
        try (var writer = Files.newBufferedWriter(modelFile, StandardCharsets.UTF_8)) {
            model.write(writer);
        }
        var frequencyFile =
                resources.resolve(DocumentFrequencies.resourceName("en").substring(1));
        Files.createDirectories(frequencyFile.getParent());
        try (var writer = Files.newBufferedWriter(frequencyFile, StandardCharsets.UTF_8)) {
            writer.write("#documents\t" + documents.size() + "\n");
            for (var entry : documentFrequencies.entrySet()) {
                // A stem in a single document says nothing general; it gets the unseen value anyway.
                if (entry.getValue() > 1) {
                    writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
                }
            }
        }
        out.printf("Trained on %d BBC articles: wrote %s and %s%n", documents.size(), modelFile, frequencyFile);
    }
}
