package io.newsflow.enrich.lab.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.category.Taxonomy;
import io.newsflow.enrich.lab.EnrichComponents;
import io.newsflow.enrich.language.TermAnalyzers;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicLexiconBuildingTest {

    @Test
    void keepsEachSeedWordForTheTopicThatHoldsMostOfIt(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("iptc"));
        Files.writeString(
                data.resolve("iptc/media-topics.json"),
                """
                [
                {"code": "medtop:03000000", "name": "disaster, accident and emergency incident", "definition": "Loss", "level": 1, "parent": null},
                {"code": "medtop:20000001", "name": "wildfire", "definition": "An uncontrolled blaze", "level": 2, "parent": "medtop:03000000"},
                {"code": "medtop:20000002", "name": "flood", "definition": "Water over land, a blaze of water", "level": 3, "parent": "medtop:20000001"},
                {"code": "medtop:02000000", "name": "crime, law and justice", "definition": "Arson is a blaze", "level": 1, "parent": null}
                ]
                """);
        var english = new TermAnalyzers(EnrichComponents.properties()).forLanguage("en");

        var lexicon = TopicLexiconBuilding.build(data, english, Map.of("water", 1), 10);

        var written = new StringWriter();
        lexicon.write(written);
        assertThat(written.toString())
                .contains("flood\tdisaster-accident-emergency\t")
                .contains("blaze\tdisaster-accident-emergency\t")
                .contains("arson\tcrime-law-justice\t");
        assertThat(TopicLexiconBuilding.concepts(data))
                .extracting(TopicLexiconBuilding.Concept::topic)
                .containsExactly(
                        Taxonomy.DISASTER_ACCIDENT_EMERGENCY,
                        Taxonomy.DISASTER_ACCIDENT_EMERGENCY,
                        Taxonomy.DISASTER_ACCIDENT_EMERGENCY,
                        Taxonomy.CRIME_LAW_JUSTICE);
    }

    @Test
    void everyHandLabelledArticleAndEcbTopicHasAMediaTopic() {
        assertThat(TopicSamples.handLabelled()).hasSizeGreaterThanOrEqualTo(17);
        assertThat(TopicSamples.handLabelled().stream()
                        .map(TopicSamples.Sample::topic)
                        .distinct())
                .hasSize(Taxonomy.values().length);
    }
}
