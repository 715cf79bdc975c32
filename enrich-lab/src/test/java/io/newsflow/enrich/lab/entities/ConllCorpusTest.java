package io.newsflow.enrich.lab.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class ConllCorpusTest {

    /** Ten documents of two sentences each; a sentence's first token names its document. */
    private static List<ConllCorpus.Sentence> tenDocuments() {
        var sentences = new ArrayList<ConllCorpus.Sentence>();
        for (int document = 1; document <= 10; document++) {
            for (int sentence = 0; sentence < 2; sentence++) {
                sentences.add(
                        new ConllCorpus.Sentence(List.of("doc" + document, "."), List.of("O", "O"), sentence == 0));
            }
        }
        return sentences;
    }

    private static List<String> documents(List<ConllCorpus.Sentence> sentences) {
        return sentences.stream().map(s -> s.tokens().getFirst()).distinct().toList();
    }

    @Test
    void theTuningSplitHoldsEveryFifthWholeDocumentAndNothingElse() {
        var split = ConllCorpus.tuningSplit(tenDocuments());

        assertThat(documents(split.tune())).containsExactly("doc5", "doc10");
        assertThat(split.tune()).hasSize(4);
        assertThat(documents(split.fit())).doesNotContain("doc5", "doc10").hasSize(8);
        assertThat(split.fit()).hasSize(16);
    }

    @Test
    void theSplitIsTheSameEveryTime() {
        assertThat(ConllCorpus.tuningSplit(tenDocuments())).isEqualTo(ConllCorpus.tuningSplit(tenDocuments()));
    }

    @Test
    void readsCoNll2002WithItsDocumentsAndTheNerColumn() throws Exception {
        var sentences = ConllCorpus.readConll2002(Path.of(ConllCorpusTest.class
                .getResource("/entities/conll2002-synthetic.txt")
                .toURI()));

        assertThat(sentences).extracting(s -> s.tokens().getFirst()).containsExactly("Mark", "met", "Ajax");
        assertThat(sentences).extracting(ConllCorpus.Sentence::documentStart).containsExactly(true, false, true);
        assertThat(ConllCorpus.chunks(sentences.get(0).tags()))
                .containsExactly(new Span(0, 2, "PER"), new Span(4, 6, "LOC"));
        assertThat(ConllCorpus.chunks(sentences.get(1).tags())).containsExactly(new Span(2, 4, "ORG"));
    }

    @Test
    void aFileWithoutDocumentsIsCutIntoBlocksSoThatTheTuningSplitHasDocumentsToHoldOut() {
        var sentences = new ArrayList<ConllCorpus.Sentence>();
        for (int i = 0; i < 100; i++) {
            sentences.add(new ConllCorpus.Sentence(List.of("s" + i), List.of("O"), i == 0));
        }

        var blocks = ConllCorpus.inBlocks(sentences);
        var split = ConllCorpus.tuningSplit(blocks);

        assertThat(blocks).filteredOn(ConllCorpus.Sentence::documentStart).hasSize(5);
        assertThat(split.tune()).hasSize(ConllCorpus.BLOCK_SENTENCES);
        assertThat(split.tune().getFirst().tokens()).containsExactly("s80");
    }
}
