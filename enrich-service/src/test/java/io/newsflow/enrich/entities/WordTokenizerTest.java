package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** The remembering tokenizer must give exactly OpenNLP's tokens, also for words it has seen before. */
class WordTokenizerTest {

    @Test
    void tokenizesAsOpenNlpsTokenizerDoes() throws IOException {
        TokenizerModel model;
        try (InputStream in = WordTokenizerTest.class.getResourceAsStream(EntityExtractor.TOKENIZER_MODEL)) {
            model = new TokenizerModel(in);
        }
        var ours = new WordTokenizer(model);
        var openNlp = new TokenizerME(model);
        var lines = new ArrayList<String>();
        lines.addAll(resource("/entities/seed-article.txt").lines().toList());
        lines.addAll(resource("/entities/german-article.txt").lines().toList());
        lines.addAll(List.of(
                "Dr. Smith's U.S. trip cost $1,000.50 (about £800) on 3/12/2025, e.g. \"a lot\" - didn't it?",
                "The U.K.'s e-mail at www.example.com: mr. O'Neill isn't well-known... yet!",
                "Dr. Smith's U.S. trip cost $1,000.50 (about £800) on 3/12/2025, e.g. \"a lot\" - didn't it?"));
        int tokens = 0;
        for (String line : lines) {
            String[] expected = Span.spansToStrings(openNlp.tokenizePos(line), line);
            assertThat(ours.tokenize(line)).containsExactly(expected);
            tokens += expected.length;
        }
        assertThat(tokens).isGreaterThan(500);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WordTokenizerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
