package io.newsflow.enrich.category;

import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.events.Enrichment.Category;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Assigns one of the 17 top-level IPTC Media Topics ({@link Taxonomy}). Two sources: a Naive Bayes model trained on
 * the BBC corpus, which knows five topics well, and the {@link TopicLexicon} of IPTC seed words, which knows all 17
 * a little. The lexicon's evidence, smoothed towards all topics alike, says how the article's mass splits between
 * the five BBC topics and the twelve others; within the five, the model's posterior takes the share the tuning split
 * chose. An article with little evidence for any topic keeps a low confidence instead of being forced into one.
 * Both were trained on English, so other languages get no category rather than a guess.
 */
@Component
public class CategoryClassifier {

    public static final String MODEL_RESOURCE = "/io/newsflow/enrich/category/category-model.tsv";
    public static final String LEXICON_RESOURCE = "/io/newsflow/enrich/category/topic-lexicon.tsv";
    static final String MODEL_LANGUAGE = "en";

    /**
     * @param lexiconShare how much of the BBC topics' mass the lexicon splits among them (the model the rest)
     * @param evidenceSmoothing pseudo-evidence spread evenly over the 17 topics: the evidence an article needs
     *     before the lexicon's opinion outweighs "no idea"
     */
    public record Settings(double lexiconShare, double evidenceSmoothing) {}

    /** Chosen on the BBC tuning split and the ECB+ tuning topics ({@code ./newsflow tune-topics}). */
    public static final Settings SHIPPED = new Settings(0.6, 4.0);

    private final CategoryModel model;
    private final TopicLexicon lexicon;
    private final Settings settings;

    CategoryClassifier() {
        this(load(MODEL_RESOURCE, CategoryModel::read), load(LEXICON_RESOURCE, TopicLexicon::read), SHIPPED);
    }

    private CategoryClassifier(CategoryModel model, TopicLexicon lexicon, Settings settings) {
        this.model = model;
        this.lexicon = lexicon;
        this.settings = settings;
    }

    /** A classifier of other parts or settings, for the experiments of enrich-lab. */
    public static CategoryClassifier of(CategoryModel model, TopicLexicon lexicon, Settings settings) {
        return new CategoryClassifier(model, lexicon, settings);
    }

    /** The model only: the five BBC topics, as before the Media Topics (the baseline of the evaluation). */
    public static CategoryClassifier modelOnly(CategoryModel model) {
        return new CategoryClassifier(model, TopicLexicon.of(java.util.Map.of()), new Settings(0, 0));
    }

    public Optional<Category> classify(String title, String text, TermAnalyzer analyzer) {
        if (!MODEL_LANGUAGE.equals(analyzer.language())) {
            return Optional.empty();
        }
        var terms = CategoryModel.terms(title, text, analyzer);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        var probabilities = probabilities(terms);
        var topics = Taxonomy.values();
        int best = 0;
        for (int t = 1; t < topics.length; t++) {
            if (probabilities[t] > probabilities[best]) {
                best = t;
            }
        }
        var topic = topics[best];
        return Optional.of(new Category(
                topic.label(), Math.round(probabilities[best] * 1000) / 1000.0, topic.iptcCode(), topic.iptcName()));
    }

    /** The probability of each topic, indexed by {@link Taxonomy#ordinal()}. */
    private double[] probabilities(List<String> terms) {
        var topics = Taxonomy.values();
        var probabilities = new double[topics.length];
        var posteriors = model.posteriors(terms);
        var labels = model.labels();
        if (settings.evidenceSmoothing() <= 0) {
            for (int c = 0; c < labels.size(); c++) {
                probabilities[labels.get(c).ordinal()] = posteriors[c];
            }
            return probabilities;
        }
        var evidence = lexicon.evidence(terms);
        double total = 0;
        for (double e : evidence) {
            total += e;
        }
        double prior = settings.evidenceSmoothing() / topics.length;
        for (int t = 0; t < topics.length; t++) {
            probabilities[t] = (evidence[t] + prior) / (total + settings.evidenceSmoothing());
        }
        double modelled = 0;
        for (var label : labels) {
            modelled += probabilities[label.ordinal()];
        }
        double share = settings.lexiconShare();
        for (int c = 0; c < labels.size(); c++) {
            int t = labels.get(c).ordinal();
            probabilities[t] = (1 - share) * modelled * posteriors[c] + share * probabilities[t];
        }
        return probabilities;
    }

    private interface Reading<T> {
        T read(java.io.Reader reader) throws IOException;
    }

    private static <T> T load(String resource, Reading<T> reading) {
        var in = CategoryClassifier.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing " + resource + ": run ./newsflow train-category <data-folder>");
        }
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return reading.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
