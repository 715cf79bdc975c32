package io.newsflow.enrich.lab.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class GermEvalCorpusTest {

    @Test
    void keepsTheOuterPeoplePlacesAndOrganisationsAndDropsOtherDerivedAndPartForms() throws Exception {
        var sentences = GermEvalCorpus.read(Path.of(GermEvalCorpusTest.class
                .getResource("/entities/germeval-synthetic.tsv")
                .toURI()));

        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).tokens())
                .containsExactly("Angela", "Merkel", "besuchte", "das", "EU-Parlament", "in", "Straßburg", ".");
        // EU-Parlament is an ORGpart outside (its inner ORG is not read), Straßburg a LOC.
        assertThat(ConllCorpus.chunks(sentences.get(0).tags()))
                .containsExactly(new Span(0, 2, "PER"), new Span(6, 7, "LOC"));
        // "deutsche" is LOCderiv, "Das Boot" OTH.
        assertThat(ConllCorpus.chunks(sentences.get(1).tags())).containsExactly(new Span(2, 3, "ORG"));
    }

    @Test
    void eachSentenceIsADocumentOfItsOwn() throws Exception {
        var sentences = GermEvalCorpus.read(Path.of(GermEvalCorpusTest.class
                .getResource("/entities/germeval-synthetic.tsv")
                .toURI()));

        assertThat(sentences).allMatch(ConllCorpus.Sentence::documentStart);
    }
}
