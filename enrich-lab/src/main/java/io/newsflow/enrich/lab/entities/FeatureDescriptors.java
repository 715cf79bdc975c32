package io.newsflow.enrich.lab.entities;

import io.newsflow.enrich.entities.WordClusterFeatures;
import java.util.List;

/** OpenNLP feature generator descriptors (its XML format), assembled from named parts so experiments can vary them. */
final class FeatureDescriptors {

    private static final String PACKAGE = "opennlp.tools.util.featuregen.";

    private FeatureDescriptors() {}

    static String descriptor(List<String> generators) {
        return "<featureGenerators cache=\"true\" name=\"nameFinder\">\n" + String.join("\n", generators)
                + "\n</featureGenerators>\n";
    }

    static String generator(String factory, String... children) {
        return "<generator class=\"" + PACKAGE + factory + "\">" + String.join("", children) + "</generator>";
    }

    static String window(int previous, int next, String child) {
        return generator(
                "WindowFeatureGeneratorFactory",
                "<int name=\"prevLength\">" + previous + "</int>",
                "<int name=\"nextLength\">" + next + "</int>",
                child);
    }

    static String tokenClass(boolean wordAndClass) {
        return generator(
                "TokenClassFeatureGeneratorFactory", "<bool name=\"wordAndClass\">" + wordAndClass + "</bool>");
    }

    static String lowerCaseToken() {
        return generator("TokenFeatureGeneratorFactory", "<bool name=\"lowercase\">true</bool>");
    }

    static String prefix(int length) {
        return generator("PrefixFeatureGeneratorFactory", "<int name=\"length\">" + length + "</int>");
    }

    static String suffix(int length) {
        return generator("SuffixFeatureGeneratorFactory", "<int name=\"length\">" + length + "</int>");
    }

    static String sentence(boolean begin, boolean end) {
        return generator(
                "SentenceFeatureGeneratorFactory",
                "<bool name=\"begin\">" + begin + "</bool>",
                "<bool name=\"end\">" + end + "</bool>");
    }

    static String wordCluster(String resource) {
        return "<generator class=\"" + WordClusterFeatures.class.getName() + "\"><str name=\"dict\">" + resource
                + "</str></generator>";
    }

    static String gazetteer(String resource) {
        return "<generator class=\"" + GazetteerFeatures.class.getName() + "\"><str name=\"dict\">" + resource
                + "</str></generator>";
    }

    /** OpenNLP's default name finder features (ner-default-features.xml), as the starting point. */
    static List<String> defaults() {
        return List.of(
                window(2, 2, tokenClass(false)),
                window(2, 2, lowerCaseToken()),
                generator("DefinitionFeatureGeneratorFactory"),
                generator("PreviousMapFeatureGeneratorFactory"),
                generator("BigramNameFeatureGeneratorFactory"),
                sentence(true, false));
    }

    /** The defaults plus affixes, token class with the word, the token pattern and the sentence end. */
    static List<String> rich() {
        return List.of(
                window(2, 2, tokenClass(true)),
                window(2, 2, lowerCaseToken()),
                prefix(4),
                suffix(4),
                generator("TokenPatternFeatureGeneratorFactory"),
                generator("DefinitionFeatureGeneratorFactory"),
                generator("PreviousMapFeatureGeneratorFactory"),
                generator("BigramNameFeatureGeneratorFactory"),
                sentence(true, true));
    }
}
