package io.newsflow.enrich.lab.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
