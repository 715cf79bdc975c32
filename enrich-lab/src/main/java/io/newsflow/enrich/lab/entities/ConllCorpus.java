package io.newsflow.enrich.lab.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Reads CoNLL-2003 files ({@code TOKEN POS CHUNK NER}, IOB tags, blank line between sentences, {@code -DOCSTART-}
 * between documents) and CoNLL-2002 files ({@code TOKEN POS NER}, IOB2; Dutch with {@code -DOCSTART-} lines, Spanish
 * without) into OpenNLP name samples. The first sentence of each document clears the name finder's adaptive data, as
 * a new article does at run time.
 */
final class ConllCorpus {

    private ConllCorpus() {}

    record Sentence(List<String> tokens, List<String> tags, boolean documentStart) {

        String[] tokenArray() {
            return tokens.toArray(String[]::new);
        }
    }

    static List<Sentence> read(Path file) throws IOException {
        var sentences = new ArrayList<Sentence>();
        var tokens = new ArrayList<String>();
        var tags = new ArrayList<String>();
        boolean documentStart = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-DOCSTART-")) {
                // CoNLL-2002 Dutch puts it straight after a sentence's last token, without a blank line.
                if (!tokens.isEmpty()) {
                    sentences.add(new Sentence(List.copyOf(tokens), List.copyOf(tags), documentStart));
                    tokens.clear();
                    tags.clear();
                }
                documentStart = true;
                continue;
            }
            if (trimmed.isEmpty()) {
                if (!tokens.isEmpty()) {
                    sentences.add(new Sentence(List.copyOf(tokens), List.copyOf(tags), documentStart));
                    documentStart = false;
                    tokens.clear();
                    tags.clear();
                }
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            tokens.add(columns[0]);
            tags.add(columns[columns.length - 1]);
        }
        if (!tokens.isEmpty()) {
            sentences.add(new Sentence(List.copyOf(tokens), List.copyOf(tags), documentStart));
        }
        return sentences;
    }

    /** Sentences per pseudo-document where a corpus marks no documents (CoNLL-2002 Spanish, Europeana). */
    static final int BLOCK_SENTENCES = 20;

    /**
     * A CoNLL-2002 file. The Spanish files mark no documents at all: their sentences are cut into blocks of
     * {@value #BLOCK_SENTENCES}, so that the adaptive data is cleared now and then and the tuning split has documents to
     * hold out.
     */
    static List<Sentence> readConll2002(Path file) throws IOException {
        var sentences = read(file);
        boolean documents = sentences.stream().skip(1).anyMatch(Sentence::documentStart);
        return documents ? sentences : inBlocks(sentences);
    }

    static List<Sentence> inBlocks(List<Sentence> sentences) {
        var blocks = new ArrayList<Sentence>();
        for (int i = 0; i < sentences.size(); i++) {
            var sentence = sentences.get(i);
            blocks.add(new Sentence(sentence.tokens(), sentence.tags(), i % BLOCK_SENTENCES == 0));
        }
        return List.copyOf(blocks);
    }

    /**
     * A tuning split carved from the training data, so that features and settings are chosen without looking at dev:
     * every {@value #TUNING_EVERY}th document (the 5th, 10th, ...) is held out for tuning, the others are fitted on.
     * By whole documents, so that no article's sentences (and their repeated names) fall on both sides.
     */
    record Split(List<Sentence> fit, List<Sentence> tune) {}

    static final int TUNING_EVERY = 5;

    static Split tuningSplit(List<Sentence> train) {
        var fit = new ArrayList<Sentence>();
        var tune = new ArrayList<Sentence>();
        int document = -1;
        for (Sentence sentence : train) {
            if (sentence.documentStart() || document < 0) {
                document++;
            }
            (document % TUNING_EVERY == TUNING_EVERY - 1 ? tune : fit).add(sentence);
        }
        return new Split(List.copyOf(fit), List.copyOf(tune));
    }

    static List<NameSample> nameSamples(List<Sentence> sentences) {
        return sentences.stream()
                .map(sentence -> new NameSample(
                        sentence.tokenArray(), chunks(sentence.tags()).toArray(Span[]::new), sentence.documentStart()))
                .toList();
    }

    /**
     * Entity chunks by conlleval's rules: a chunk starts at {@code B-X}, or at {@code I-X} after {@code O} or after a
     * tag of another type, so that the same spans come out of IOB1 and IOB2 files.
     */
    static List<Span> chunks(List<String> tags) {
        var spans = new ArrayList<Span>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String prefix = tag.length() > 1 ? tag.substring(0, 2) : "O";
            String tagType = tag.length() > 2 ? tag.substring(2) : null;
            boolean continues = prefix.equals("I-") && tagType.equals(type);
            if (type != null && !continues) {
                spans.add(new Span(start, i, type));
                type = null;
            }
            if (tagType != null && !continues) {
                start = i;
                type = tagType;
            }
        }
        return spans;
    }
}
