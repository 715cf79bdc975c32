package io.newsflow.enrich.lab.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads GermEval 2014 ({@code INDEX TOKEN OUTER INNER}, tab-separated, IOB2, blank line between sentences) with the
 * outer annotations only, mapped onto PER/LOC/ORG: OTH and the derived and part forms ({@code B-LOCderiv},
 * {@code B-ORGpart}) are {@code O}, since the name finders here tag neither. Its sentences come from unrelated
 * Wikipedia and news pages, so each one is a document of its own.
 */
final class GermEvalCorpus {

    private static final Set<String> KEPT = Set.of("B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG");

    private GermEvalCorpus() {}

    static List<ConllCorpus.Sentence> read(Path file) throws IOException {
        return sentences(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static List<ConllCorpus.Sentence> sentences(List<String> lines) {
        var sentences = new ArrayList<ConllCorpus.Sentence>();
        var tokens = new ArrayList<String>();
        var tags = new ArrayList<String>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!tokens.isEmpty()) {
                    sentences.add(new ConllCorpus.Sentence(List.copyOf(tokens), List.copyOf(tags), true));
                    tokens.clear();
                    tags.clear();
                }
                continue;
            }
            String[] columns = line.split("\t");
            tokens.add(columns[1]);
            tags.add(KEPT.contains(columns[2]) ? columns[2] : "O");
        }
        if (!tokens.isEmpty()) {
            sentences.add(new ConllCorpus.Sentence(List.copyOf(tokens), List.copyOf(tags), true));
        }
        return sentences;
    }
}
