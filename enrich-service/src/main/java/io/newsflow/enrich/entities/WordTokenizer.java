package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * OpenNLP's learnt tokenizer with each whitespace-separated word's tokens remembered. {@code TokenizerME} splits a
 * text at whitespace first and then decides every split inside each word from that word alone (its characters and
 * the model's abbreviations), so a word is always split the same way; news repeats its words, and most of the
 * tokenizer's time went into splitting the same ones again. The tokens are {@code TokenizerME}'s.
 */
final class WordTokenizer {

    // Words kept per thread: a bound on memory, cleared when reached.
    private static final int WORD_LIMIT = 100_000;

    private final ThreadSafeTokenizerME tokenizer;
    private final ThreadLocal<Map<String, String[]>> known = ThreadLocal.withInitial(HashMap::new);

    WordTokenizer(TokenizerModel model) {
        this.tokenizer = new ThreadSafeTokenizerME(model);
    }

    String[] tokenize(String text) {
        var words = known.get();
        var tokens = new ArrayList<String>();
        for (Span span : WhitespaceTokenizer.INSTANCE.tokenizePos(text)) {
            String word = span.getCoveredText(text).toString();
            String[] pieces = words.get(word);
            if (pieces == null) {
                if (words.size() >= WORD_LIMIT) {
                    words.clear();
                }
                pieces = Span.spansToStrings(tokenizer.tokenizePos(word), word);
                words.put(word, pieces);
            }
            tokens.addAll(Arrays.asList(pieces));
        }
        return tokens.toArray(new String[0]);
    }
}
