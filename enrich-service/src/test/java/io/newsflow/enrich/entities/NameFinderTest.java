package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service's name finder must tag exactly as OpenNLP's, which the evaluation scores: same spans, same types, same
 * probabilities, sentence after sentence of one article (so that the adaptive data of earlier sentences counts too).
 */
class NameFinderTest {

    private static final NameFinderModels MODELS = NameFinderModels.shippedOnly();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[-'.][\\p{L}\\p{M}\\p{N}]+)*|\\S");

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "nl", "fr"})
    void tagsAsOpenNlpsNameFinderDoes(String language) throws IOException {
        var model = MODELS.forLanguage(language).orElseThrow();
        var ours = new NameFinder(model);
        var openNlp = new NameFinderME(model);
        // The English model is a perceptron, the others maxent (GIS) models: all scored through their parameters.
        assertThat(model.<Object>getArtifact("nameFinder.model"))
                .isInstanceOf(language.equals("en") ? PerceptronModel.class : GISModel.class);
        assertThat(ours.scoresThroughParameters()).isTrue();
        int names = 0;
        for (String article : List.of("/entities/seed-article.txt", "/entities/german-article.txt")) {
            ours.clearAdaptiveData();
            openNlp.clearAdaptiveData();
            for (String[] sentence : sentences(resource(article))) {
                Span[] expected = openNlp.find(sentence);
                Span[] actual = ours.find(sentence);
                assertThat(actual).containsExactly(expected);
                for (int s = 0; s < expected.length; s++) {
                    assertThat(actual[s].getProb()).isEqualTo(expected[s].getProb());
                }
                names += expected.length;
            }
        }
        assertThat(names)
                .as("names found, so that the comparison compares something")
                .isGreaterThan(10);
    }

    private static List<String[]> sentences(String text) {
        var sentences = new ArrayList<String[]>();
        for (String line : text.split("\\R")) {
            for (String sentence : line.split("(?<=[.!?])\\s+")) {
                String[] tokens =
                        WORD.matcher(sentence).results().map(m -> m.group()).toArray(String[]::new);
                if (tokens.length > 0) {
                    sentences.add(tokens);
                }
            }
        }
        return sentences;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NameFinderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
