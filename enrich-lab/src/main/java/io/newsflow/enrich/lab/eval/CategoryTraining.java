package io.newsflow.enrich.lab.eval;

import io.newsflow.enrich.category.CategoryClassifier;
import io.newsflow.enrich.category.CategoryModel;
import io.newsflow.enrich.category.Taxonomy;
import io.newsflow.enrich.category.TopicLexicon;
import io.newsflow.enrich.keywords.DocumentFrequencies;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.lab.keywords.KeywordFrequencies;
import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.language.TermAnalyzers;
import io.newsflow.enrich.text.TextExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Trains the category model on the BBC training split (every article not held out, see {@link BbcCorpus}) and
 * writes it, with the Media Topics' seed words ({@link TopicLexiconBuilding}) and the English document frequencies
 * the keyword extractor uses, into the service's resources. The output depends on the data only: run it again on the
 * same data and the files do not change.
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

    /** What training on some BBC articles gives: the model's counts, the document frequencies and the lexicon. */
    record Trained(
            CategoryModel.Model model,
            TreeMap<String, Integer> documentFrequencies,
            int documents,
            TopicLexicon lexicon) {}

    static Trained train(Path dataFolder, List<BbcCorpus.BbcArticle> articles, TermAnalyzer english) {
        var documents = new ArrayList<CategoryModel.Document>();
        var documentFrequencies = new TreeMap<String, Integer>();
        for (var article : articles) {
            var label = Taxonomy.ofBbcClass(article.bbcClass()).orElseThrow();
            var terms = CategoryModel.terms(article.title(), TextExtractor.plainText(article.body()), english);
            documents.add(new CategoryModel.Document(label, terms));
            for (var term :
                    new HashSet<>(terms.stream().map(CategoryModel::unmarked).toList())) {
                documentFrequencies.merge(term, 1, Integer::sum);
            }
        }
        return new Trained(
                CategoryModel.train(documents),
                documentFrequencies,
                documents.size(),
                TopicLexiconBuilding.build(dataFolder, english, documentFrequencies, documents.size()));
    }

    public static void run(Path dataFolder, Path resources, PrintStream out) throws IOException {
        var english = new TermAnalyzers(EnrichComponents.properties()).forLanguage("en");
        var training = BbcCorpus.read(dataFolder).stream()
                .filter(article -> !article.heldOut())
                .toList();
        var trained = train(dataFolder, training, english);
        var modelFile = resources.resolve(CategoryClassifier.MODEL_RESOURCE.substring(1));
        Files.createDirectories(modelFile.getParent());
        try (var writer = Files.newBufferedWriter(modelFile, StandardCharsets.UTF_8)) {
            trained.model().write(writer);
        }
        var lexiconFile = resources.resolve(CategoryClassifier.LEXICON_RESOURCE.substring(1));
        try (var writer = Files.newBufferedWriter(lexiconFile, StandardCharsets.UTF_8)) {
            trained.lexicon().write(writer);
        }
        var frequencyFile =
                resources.resolve(DocumentFrequencies.resourceName("en").substring(1));
        new KeywordFrequencies.Table(trained.documents(), trained.documentFrequencies()).write(frequencyFile);
        out.printf(
                "Trained on %d BBC articles and %d IPTC concepts (%d seed stems): wrote %s, %s and %s%n",
                trained.documents(),
                TopicLexiconBuilding.concepts(dataFolder).size(),
                trained.lexicon().size(),
                modelFile,
                lexiconFile,
                frequencyFile);
    }
}
