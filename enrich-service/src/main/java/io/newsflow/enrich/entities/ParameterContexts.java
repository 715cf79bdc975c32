package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.CachedFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PrefixFeatureGenerator;
import opennlp.tools.util.featuregen.SuffixFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.TokenPatternFeatureGenerator;

/**
 * The name finder's contexts scored by a perceptron or a maxent (GIS) model through the model's parameters themselves
 * rather than through feature names. OpenNLP's {@code DefaultNameContextGenerator} builds every token's ~50 feature
 * names (its window generators concatenate "p1", "n2", ... to each neighbour's features) and, for every path of the
 * beam, four more; {@code PerceptronModel} and {@code GISModel} then look each name up in its map of some hundred
 * thousand. Here each distinct word is mapped once to the parameters ({@link Context}) of the features that depend on
 * that word alone, at each window position it can take, and kept for later sentences and articles; a token's features
 * are then a few array reads, from a dense copy of the parameters (a row of every outcome's weight per feature, zero
 * where the model has none), so that adding a feature is one short loop over adjacent numbers rather than the reads of
 * a sparse {@link Context}. Only the features that depend on more than the word (the sentence position, the article's
 * previous outcome of the word) are still built as names and looked up, once per token; the bigrams of words are found
 * by their two words in a table of the model's bigram features, the bigrams of word classes once per pair of classes.
 *
 * <p>The scores are OpenNLP's to the bit: the same parameters added in the same order (the outcome-free features first,
 * summed once per token, as OpenNLP reaches the same partial sums after them before it adds the four previous-outcome
 * features), starting from what the model starts from, then the model's normalisation (see {@link Scoring}). Adding a
 * dense row's zeros leaves a sum as it was, as a sum is never negative zero: it starts from positive zero or from a
 * negative log prior. A context this class did not return goes to the model unchanged. Not thread-safe.
 */
final class ParameterContexts implements NameContextGenerator, MaxentModel {

    // Words kept between articles: a bound on memory, cleared when reached; the features are a function of the word.
    private static final int WORD_LIMIT = 100_000;

    private final AdaptiveFeatureGenerator root;
    private final AbstractModel model;
    private final Scoring scoring;
    // What every outcome's sum starts from, as the model's eval.
    private final double start;
    private final Map<String, Context> parameters;
    // The parameters as rows of `outcomes` weights, and the offset of each feature's row.
    private final double[] dense;
    private final Map<Context, Integer> rowOf = new IdentityHashMap<>();
    private final int outcomes;
    private final Part[] parts;
    private final List<Slot> slots;
    // The previous outcomes as indices into the tables below ("other" included); po= and ppo= per outcome.
    private final Map<String, Integer> outcomeIndex = new HashMap<>();
    private final String[] outcomeNames;
    private final Context[] po;
    private final Context[] ppo;
    // powf= per word class, per previous outcome.
    private final Map<String, Context[]> powf = new HashMap<>();
    private final Map<String, Word> words = new HashMap<>();
    // The class bigrams' parameters (pwc,wc= and wc,nc=) by first and second class; UNKNOWN where the model has none.
    private final Map<String, Map<String, Context>> classBefore = new HashMap<>();
    private final Map<String, Map<String, Context>> classAfter = new HashMap<>();
    // The model's word bigrams (pw,w= and w,nw=) by first and second word.
    private final Map<String, Map<String, Context>> wordBefore = new HashMap<>();
    private final Map<String, Map<String, Context>> wordAfter = new HashMap<>();
    private final List<String> scratch = new ArrayList<>();

    private String[] sentence;
    private Word[] sentenceWords;
    private double[][] fixedSums;
    private String[] lastContext;
    private Context[] lastOutcomeFeatures;
    private int lastIndex;

    /** One feature generator of the descriptor, in order: a word's own features and its window, or any other. */
    private sealed interface Part permits WordPart, BigramPart, OtherPart {}

    /** Slots of the current word, of the words before it (1, 2, ...) and after it. */
    private record WordPart(int current, int[] previous, int[] next) implements Part {}

    /** OpenNLP's {@code BigramNameFeatureGenerator}, with the word classes the words already have. */
    private record BigramPart() implements Part {}

    private record OtherPart(AdaptiveFeatureGenerator generator) implements Part {}

    /** A generator that depends on the token alone, with the prefix its window gives its features. */
    private record Slot(AdaptiveFeatureGenerator generator, String prefix) {}

    /**
     * A word's parameters: per slot the offsets of its features' rows (unknown features left out), and pow= and
     * powf= per previous outcome; and its class ({@code FeatureGeneratorUtil.tokenFeature}).
     */
    private record Word(int[][] bySlot, Context[] pow, Context[] powf, String wordClass) {}

    /**
     * How OpenNLP 2.5.4 turns a context's features into probabilities. {@code PerceptronModel.eval}: sums from zero,
     * each divided by the largest magnitude (at least 1), exponentiated and normalised. {@code GISModel.eval}: sums
     * from its {@code UniformPrior}'s log(1/outcomes) (a model read from a file always has that prior), exponentiated
     * and normalised; no correction constant.
     */
    private enum Scoring {
        PERCEPTRON,
        MAXENT
    }

    // A feature the model does not know: adds nothing, and tells a looked-up pair from one not looked up yet.
    private static final Context UNKNOWN = new Context(new int[0], new double[0]);

    private ParameterContexts(
            AdaptiveFeatureGenerator root,
            List<AdaptiveFeatureGenerator> generators,
            AbstractModel model,
            Scoring scoring) {
        this.root = root;
        this.model = model;
        this.scoring = scoring;
        @SuppressWarnings("unchecked")
        var map = (Map<String, Context>) model.getDataStructures()[1];
        this.parameters = map;
        this.outcomes = model.getNumOutcomes();
        // As UniformPrior.setLabels and logPrior.
        this.start = scoring == Scoring.MAXENT ? StrictMath.log(1.0 / outcomes) : 0;
        this.dense = new double[map.size() * outcomes];
        for (var feature : map.entrySet()) {
            bigram(feature.getKey(), "pw,w=", feature.getValue(), wordBefore);
            bigram(feature.getKey(), "w,nw=", feature.getValue(), wordAfter);
        }
        for (Context feature : map.values()) {
            int row = rowOf.size() * outcomes;
            rowOf.put(feature, row);
            int[] active = feature.getOutcomes();
            double[] weights = feature.getParameters();
            for (int a = 0; a < active.length; a++) {
                dense[row + active[a]] = weights[a];
            }
        }
        this.slots = new ArrayList<>();
        var slotIds = new HashMap<Slot, Integer>();
        var parts = new ArrayList<Part>();
        for (var generator : generators) {
            if (generator instanceof WordWindowFeatures.Window window && dependsOnTokenAlone(window.inner)) {
                int[] previous = new int[window.previous];
                int[] next = new int[window.next];
                for (int i = 1; i <= window.previous; i++) {
                    previous[i - 1] = slot(slotIds, new Slot(window.inner, "p" + i));
                }
                for (int i = 1; i <= window.next; i++) {
                    next[i - 1] = slot(slotIds, new Slot(window.inner, "n" + i));
                }
                parts.add(new WordPart(slot(slotIds, new Slot(window.inner, "")), previous, next));
            } else if (generator.getClass() == BigramNameFeatureGenerator.class) {
                parts.add(new BigramPart());
            } else if (dependsOnTokenAlone(generator)) {
                parts.add(new WordPart(slot(slotIds, new Slot(generator, "")), new int[0], new int[0]));
            } else {
                parts.add(new OtherPart(generator));
            }
        }
        this.parts = parts.toArray(new Part[0]);
        var names = new ArrayList<String>();
        for (int o = 0; o < outcomes; o++) {
            names.add(model.getOutcome(o));
        }
        if (!names.contains(NameFinderME.OTHER)) {
            names.add(NameFinderME.OTHER);
        }
        this.outcomeNames = names.toArray(new String[0]);
        this.po = new Context[outcomeNames.length];
        this.ppo = new Context[outcomeNames.length];
        for (int o = 0; o < outcomeNames.length; o++) {
            outcomeIndex.put(outcomeNames[o], o);
            po[o] = parameters.get("po=" + outcomeNames[o]);
            ppo[o] = parameters.get("ppo=" + outcomeNames[o]);
        }
    }

    /**
     * Files a bigram feature under its two words. A word may hold a comma ("1,000"), so the feature is filed under
     * every split at a comma: the pair asked for is always one of them, and no other feature has its name.
     */
    private static void bigram(String name, String prefix, Context feature, Map<String, Map<String, Context>> table) {
        if (!name.startsWith(prefix)) {
            return;
        }
        String words = name.substring(prefix.length());
        for (int comma = words.indexOf(','); comma >= 0; comma = words.indexOf(',', comma + 1)) {
            table.computeIfAbsent(words.substring(0, comma), w -> new HashMap<>())
                    .put(words.substring(comma + 1), feature);
        }
    }

    private static Context bigram(Map<String, Map<String, Context>> table, String first, String second) {
        var seconds = table.get(first);
        return seconds == null ? null : seconds.get(second);
    }

    /**
     * For a name finder whose descriptor caches its features per sentence (so OpenNLP computes the outcome-free
     * features once per token, with the first path's outcomes) and a perceptron or GIS model (exactly these classes,
     * whose eval {@link Scoring} repeats); otherwise empty.
     */
    static Optional<ParameterContexts> of(AdaptiveFeatureGenerator features, Object model) {
        Scoring scoring;
        if (model != null && model.getClass() == PerceptronModel.class) {
            scoring = Scoring.PERCEPTRON;
        } else if (model != null && model.getClass() == GISModel.class) {
            scoring = Scoring.MAXENT;
        } else {
            return Optional.empty();
        }
        if (!(features instanceof CachedFeatureGenerator cached)) {
            return Optional.empty();
        }
        var inner = cached.getCachedFeatureGenerator();
        List<AdaptiveFeatureGenerator> generators = inner instanceof AggregatedFeatureGenerator aggregated
                ? List.copyOf(aggregated.getGenerators())
                : List.of(inner);
        return Optional.of(new ParameterContexts(features, generators, (AbstractModel) model, scoring));
    }

    private int slot(Map<Slot, Integer> ids, Slot slot) {
        return ids.computeIfAbsent(slot, s -> {
            slots.add(s);
            return slots.size() - 1;
        });
    }

    // OpenNLP's generators (exactly these classes) whose features are a function of tokens[index] only.
    private static boolean dependsOnTokenAlone(AdaptiveFeatureGenerator generator) {
        Class<?> type = generator.getClass();
        return type == TokenClassFeatureGenerator.class
                || type == TokenFeatureGenerator.class
                || type == PrefixFeatureGenerator.class
                || type == SuffixFeatureGenerator.class
                || type == TokenPatternFeatureGenerator.class
                || type == OutcomePriorFeatureGenerator.class
                || type == WordClusterFeatures.ClusterFeature.class;
    }

    @Override
    public String[] getContext(int index, String[] tokens, String[] preds, Object[] additionalContext) {
        if (tokens != sentence) {
            sentence = tokens;
            sentenceWords = new Word[tokens.length];
            fixedSums = new double[tokens.length][];
        }
        if (fixedSums[index] == null) {
            fixedSums[index] = fixedSums(tokens, index, preds);
        }
        String[] context = new String[0];
        if (preds == null) {
            // As DefaultNameContextGenerator.getContext: no previous outcomes, no features of them.
            lastOutcomeFeatures = new Context[0];
        } else {
            // As DefaultNameContextGenerator.getContext, after its generators: po, pow, powf, ppo.
            String previous = index > 0 ? preds[index - 1] : NameFinderME.OTHER;
            String beforePrevious = index > 1 ? preds[index - 2] : NameFinderME.OTHER;
            Integer p = outcomeIndex.get(previous);
            Integer pp = outcomeIndex.get(beforePrevious);
            String token = tokens[index];
            Word word = word(index);
            lastOutcomeFeatures = new Context[] {
                p != null ? po[p] : parameters.get("po=" + previous),
                p != null ? word.pow[p] : parameters.get("pow=" + previous + "," + token),
                p != null
                        ? word.powf[p]
                        : parameters.get("powf=" + previous + "," + FeatureGeneratorUtil.tokenFeature(token)),
                pp != null ? ppo[pp] : parameters.get("ppo=" + beforePrevious)
            };
        }
        lastContext = context;
        lastIndex = index;
        return context;
    }

    private double[] fixedSums(String[] tokens, int index, String[] preds) {
        var sums = new double[outcomes];
        Arrays.fill(sums, start);
        for (Part part : parts) {
            switch (part) {
                case WordPart word -> {
                    add(word(index).bySlot[word.current], sums);
                    for (int i = 1; i <= word.previous.length; i++) {
                        if (index - i >= 0) {
                            add(word(index - i).bySlot[word.previous[i - 1]], sums);
                        }
                    }
                    for (int i = 1; i <= word.next.length; i++) {
                        if (index + i < tokens.length) {
                            add(word(index + i).bySlot[word.next[i - 1]], sums);
                        }
                    }
                }
                case BigramPart bigram -> {
                    // As BigramNameFeatureGenerator.createFeatures, in its order.
                    String wordClass = word(index).wordClass;
                    if (index > 0) {
                        add(bigram(wordBefore, tokens[index - 1], tokens[index]), sums);
                        add(classBigram(classBefore, "pwc,wc=", word(index - 1).wordClass, wordClass), sums);
                    }
                    if (index + 1 < tokens.length) {
                        add(bigram(wordAfter, tokens[index], tokens[index + 1]), sums);
                        add(classBigram(classAfter, "wc,nc=", wordClass, word(index + 1).wordClass), sums);
                    }
                }
                case OtherPart other -> {
                    scratch.clear();
                    other.generator.createFeatures(scratch, tokens, index, preds);
                    for (String feature : scratch) {
                        add(parameters.get(feature), sums);
                    }
                }
            }
        }
        return sums;
    }

    private Context classBigram(Map<String, Map<String, Context>> table, String prefix, String first, String second) {
        return table.computeIfAbsent(first, f -> new HashMap<>()).computeIfAbsent(second, c -> {
            var feature = parameters.get(prefix + first + "," + second);
            return feature != null ? feature : UNKNOWN;
        });
    }

    private Word word(int index) {
        var word = sentenceWords[index];
        if (word == null) {
            String token = sentence[index];
            word = words.get(token);
            if (word == null) {
                if (words.size() >= WORD_LIMIT) {
                    words.clear();
                }
                word = newWord(token);
                words.put(token, word);
            }
            sentenceWords[index] = word;
        }
        return word;
    }

    private Word newWord(String token) {
        String[] alone = {token};
        var featuresOf = new IdentityHashMap<AdaptiveFeatureGenerator, List<String>>();
        var bySlot = new int[slots.size()][];
        for (int s = 0; s < bySlot.length; s++) {
            Slot slot = slots.get(s);
            var features = featuresOf.computeIfAbsent(slot.generator, generator -> {
                var list = new ArrayList<String>();
                generator.createFeatures(list, alone, 0, null);
                return list;
            });
            bySlot[s] = features.stream()
                    .map(feature -> parameters.get(slot.prefix + feature))
                    .filter(context -> context != null)
                    .mapToInt(rowOf::get)
                    .toArray();
        }
        var pow = new Context[outcomeNames.length];
        for (int o = 0; o < pow.length; o++) {
            pow[o] = parameters.get("pow=" + outcomeNames[o] + "," + token);
        }
        String wordClass = FeatureGeneratorUtil.tokenFeature(token);
        var powfOfClass = powf.computeIfAbsent(wordClass, c -> {
            var table = new Context[outcomeNames.length];
            for (int o = 0; o < table.length; o++) {
                table[o] = parameters.get("powf=" + outcomeNames[o] + "," + c);
            }
            return table;
        });
        return new Word(bySlot, pow, powfOfClass, wordClass);
    }

    private void add(int[] rows, double[] sums) {
        for (int row : rows) {
            for (int o = 0; o < outcomes; o++) {
                sums[o] += dense[row + o];
            }
        }
    }

    /** As OpenNLP's {@code ArrayMath.sumFeatures} with every value 1 (an unknown feature is null). */
    private static void add(Context feature, double[] sums) {
        if (feature != null) {
            int[] active = feature.getOutcomes();
            double[] weights = feature.getParameters();
            for (int a = 0; a < active.length; a++) {
                sums[active[a]] += weights[a];
            }
        }
    }

    @Override
    public double[] eval(String[] context, double[] probs) {
        if (context != lastContext) {
            return model.eval(context, probs);
        }
        System.arraycopy(fixedSums[lastIndex], 0, probs, 0, outcomes);
        for (Context feature : lastOutcomeFeatures) {
            add(feature, probs);
        }
        return scoring == Scoring.MAXENT ? maxentProbabilities(probs) : perceptronProbabilities(probs);
    }

    // As GISModel.eval, after ArrayMath.sumFeatures.
    private double[] maxentProbabilities(double[] probs) {
        double total = 0;
        for (int o = 0; o < outcomes; o++) {
            probs[o] = StrictMath.exp(probs[o]);
            total += probs[o];
        }
        for (int o = 0; o < outcomes; o++) {
            probs[o] /= total;
        }
        return probs;
    }

    // As PerceptronModel.eval's normalisation.
    private double[] perceptronProbabilities(double[] probs) {
        double largest = 1;
        for (int o = 0; o < outcomes; o++) {
            if (largest < StrictMath.abs(probs[o])) {
                largest = StrictMath.abs(probs[o]);
            }
        }
        double total = 0;
        for (int o = 0; o < outcomes; o++) {
            probs[o] = StrictMath.exp(probs[o] / largest);
            total += probs[o];
        }
        for (int o = 0; o < outcomes; o++) {
            probs[o] /= total;
        }
        return probs;
    }

    @Override
    public void updateAdaptiveData(String[] tokens, String[] outcomes) {
        root.updateAdaptiveData(tokens, outcomes);
        sentence = null;
    }

    @Override
    public void clearAdaptiveData() {
        root.clearAdaptiveData();
        sentence = null;
    }

    @Override
    public void addFeatureGenerator(AdaptiveFeatureGenerator generator) {
        throw new UnsupportedOperationException("the feature generators come from the model's descriptor");
    }

    @Override
    public double[] eval(String[] context) {
        return eval(context, new double[outcomes]);
    }

    @Override
    public double[] eval(String[] context, float[] values) {
        return model.eval(context, values);
    }

    @Override
    public String getBestOutcome(double[] probs) {
        return model.getBestOutcome(probs);
    }

    @Override
    public String getAllOutcomes(double[] probs) {
        return model.getAllOutcomes(probs);
    }

    @Override
    public String getOutcome(int index) {
        return model.getOutcome(index);
    }

    @Override
    public int getIndex(String outcome) {
        return model.getIndex(outcome);
    }

    @Override
    public int getNumOutcomes() {
        return model.getNumOutcomes();
    }
}
