package io.newsflow.enrich.lab.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.entities.WordClusterFeatures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
import org.junit.jupiter.api.Test;

class LanguageEntityTrainingTest {

    private static Path synthetic() throws Exception {
        return Path.of(LanguageEntityTrainingTest.class
                .getResource("/entities/conll2002-synthetic.txt")
                .toURI());
    }

    @Test
    void withoutClustersTheCandidatesAreTheDefaultsAndTheRichFeatures() {
        assertThat(LanguageEntityTraining.candidates(Map.of()))
                .extracting(NameFinderTraining::name)
                .containsExactly("baseline: OpenNLP defaults", "rich features, maxent 100");
    }

    @Test
    void withClustersTheEnglishRecipeJoinsWithMaxentAndThePerceptron() {
        Map<String, Object> clusters =
                Map.of("kmeans-2", WordClusterFeatures.Clusters.parse(List.of("ajax c2_0", "mark c2_1")));

        var candidates = LanguageEntityTraining.candidates(clusters);

        assertThat(candidates).hasSize(4);
        assertThat(candidates.get(2).algorithm()).isEqualTo("MAXENT");
        assertThat(candidates.get(3).algorithm()).isEqualTo("PERCEPTRON");
        assertThat(candidates.subList(2, 4)).allSatisfy(candidate -> {
            assertThat(candidate.featureDescriptor()).contains("kmeans-2");
            assertThat(candidate.resources()).containsOnlyKeys("kmeans-2");
        });
    }

    @Test
    void theConll2002RecipesNameUnlabelledTextForClustersAndTheEuropeanaOnesDoNot() {
        assertThat(LanguageEntityTraining.recipe("es").clusterText()).isNotNull();
        assertThat(LanguageEntityTraining.recipe("nl-conll2002").clusterText()).isNotNull();
        assertThat(LanguageEntityTraining.recipe("nl").clusterText()).isNull();
    }

    @Test
    void aModelDecodesWithTheBeamItsManifestNames() throws Exception {
        var samples = ConllCorpus.nameSamples(ConllCorpus.readConll2002(synthetic()));
        var model = NameFinderTraining.openNlpDefaults()
                .withTrainer("tiny", false, "MAXENT", 5, 0)
                .train(samples, "nl");

        var greedy = LanguageEntityTraining.withBeam(model, 1);

        assertThat(model.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER)).isEqualTo("3");
        assertThat(greedy.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER)).isEqualTo("1");
    }
}
