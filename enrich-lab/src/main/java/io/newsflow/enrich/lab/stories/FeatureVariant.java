package io.newsflow.enrich.lab.stories;

import io.newsflow.events.Enrichment;
import io.newsflow.stories.ArticleFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Variants of the article features tried against the product's ({@link ArticleFeatures#of}), for issue 12: a title
 * boost other than the product's, entities weighted by their kind, and document frequencies learned online (each
 * article's terms and entities weighted by the inverse frequency among the articles seen before it and itself, in
 * stream order, so deterministic and with no look at later articles).
 *
 * @param titleBoost a title word weighs the article's best keyword times this (the product: 1)
 * @param people,organizations,places factors on an entity's weight by its kind (the product: 1 each)
 * @param onlineIdf whether terms and entities are weighted by their online inverse document frequency
 */
record FeatureVariant(double titleBoost, double people, double organizations, double places, boolean onlineIdf) {

    static final FeatureVariant PRODUCT = new FeatureVariant(1.0, 1, 1, 1, false);

    /** The features of the articles, in stream order. */
    List<ArticleFeatures> features(List<StoryEvaluation.Item> items) {
        if (equals(PRODUCT)) {
            return items.stream().map(StoryEvaluation.Item::features).toList();
        }
        var documentFrequencies = new HashMap<String, Integer>();
        var features = new ArrayList<ArticleFeatures>(items.size());
        int seen = 0;
        for (var item : items) {
            var article = item.features();
            var terms = terms(item);
            var entities = entities(item.event().enrichment());
            if (onlineIdf) {
                seen++;
                terms = weighted(terms, "t:", documentFrequencies, seen);
                entities = weighted(entities, "e:", documentFrequencies, seen);
            }
            features.add(new ArticleFeatures(
                    article.id(), normalised(terms), normalised(entities), article.time(), article.headlineOnly()));
        }
        return features;
    }

    /** The product's terms, with this variant's title boost. */
    private Map<String, Double> terms(StoryEvaluation.Item item) {
        var terms = new HashMap<String, Double>();
        double best = 0;
        for (var keyword : item.event().enrichment().keywords()) {
            if (keyword.term() == null) {
                continue;
            }
            best = Math.max(best, keyword.score());
            for (var word : ArticleFeatures.words(keyword.term())) {
                terms.merge(word, keyword.score(), Math::max);
            }
        }
        var titleWeight = titleBoost * (best > 0 ? best : 1);
        if (titleWeight > 0) {
            for (var word : ArticleFeatures.words(item.doc().title())) {
                terms.merge(word, titleWeight, Double::sum);
            }
        }
        return terms;
    }

    private Map<String, Double> entities(Enrichment enrichment) {
        var weights = new HashMap<String, Double>();
        add(weights, enrichment.people(), people);
        add(weights, enrichment.organizations(), organizations);
        add(weights, enrichment.places(), places);
        return weights;
    }

    private static void add(Map<String, Double> weights, List<Enrichment.Entity> entities, double factor) {
        // the product merges the mentions of a name over the kinds first; a name is rarely of two kinds
        for (var entity : entities) {
            if (entity.name() != null && factor > 0) {
                weights.merge(
                        entity.name().toLowerCase(Locale.ROOT),
                        factor * (1 + Math.log(Math.max(1, entity.mentions()))),
                        Double::sum);
            }
        }
    }

    /** Counts the article's features in, then weights each by log(1 + seen / frequency). */
    private static Map<String, Double> weighted(
            Map<String, Double> vector, String prefix, Map<String, Integer> frequencies, int seen) {
        var result = new HashMap<String, Double>();
        vector.forEach((feature, weight) -> {
            var frequency = frequencies.merge(prefix + feature, 1, Integer::sum);
            result.put(feature, weight * Math.log(1 + (double) seen / frequency));
        });
        return result;
    }

    private static Map<String, Double> normalised(Map<String, Double> vector) {
        double sum = 0;
        for (var value : vector.values()) {
            sum += value * value;
        }
        var norm = Math.sqrt(sum);
        var result = new HashMap<String, Double>();
        if (norm > 0) {
            vector.forEach((key, value) -> result.put(key, value / norm));
        }
        return result;
    }

    @Override
    public String toString() {
        return "title boost %.1f, people %.1f, organizations %.1f, places %.1f, online idf %s"
                .formatted(titleBoost, people, organizations, places, onlineIdf);
    }
}
