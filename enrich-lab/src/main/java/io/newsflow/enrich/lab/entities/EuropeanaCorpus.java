package io.newsflow.enrich.lab.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the Europeana Newspapers NER corpora ({@code TOKEN TAG} per line, PER/LOC/ORG, CC0): historic OCR text as one
 * token stream per file. Punctuation left on a word is split off ({@link #detached}); sentences end after {@code .},
 * {@code !} or {@code ?} tokens (the files have no sentence breaks) or after {@value #MAX_TOKENS} tokens; blocks of {@link ConllCorpus#BLOCK_SENTENCES} sentences stand for
 * documents. The files' quirks are repaired as found: page-header comments of {@code enp_DE.sbb} are dropped, a line
 * with several tokens gives each its own tag (an entity's first keeps {@code B-}), a line without a tag is {@code O},
 * tag case is folded ({@code B-PEr}) and an unknown type ({@code B-BER}) is {@code O}.
 */
final class EuropeanaCorpus {

    static final int MAX_TOKENS = 60;
    private static final Set<String> TYPES = Set.of("PER", "LOC", "ORG");
    private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?");
    private static final String LEADING = "\"'„“‚‘«»(<[";
    private static final String TRAILING = ".,;:!?\"'“”‘’»«)>]";
    // Only enp_DE.sbb has them; in the other files a line starting with '#' is an ordinary token.
    private static final Pattern PAGE_HEADER = Pattern.compile("# (file|sbb url|tel url):.*");

    private EuropeanaCorpus() {}

    static List<ConllCorpus.Sentence> read(List<Path> files) throws IOException {
        var sentences = new ArrayList<ConllCorpus.Sentence>();
        for (Path file : files) {
            sentences.addAll(sentences(Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return ConllCorpus.inBlocks(sentences);
    }

    /**
     * The lines {@code from}..{@code to} (1-based, inclusive) of one file, or with {@code inside} false all its other
     * lines: a held-out part of whole pages where a language has no other labelled data (enp_FR.bnf.md lists which
     * lines are which newspaper page). The parts on either side of the range are cut into sentences separately, so
     * that no sentence joins the end of one page to the start of another.
     */
    static List<ConllCorpus.Sentence> readLines(Path file, int from, int to, boolean inside) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = Math.max(0, from - 1);
        int end = Math.min(lines.size(), to);
        var sentences = new ArrayList<ConllCorpus.Sentence>();
        if (inside) {
            sentences.addAll(sentences(lines.subList(start, end)));
        } else {
            sentences.addAll(sentences(lines.subList(0, start)));
            sentences.addAll(sentences(lines.subList(end, lines.size())));
        }
        return ConllCorpus.inBlocks(sentences);
    }

    static List<ConllCorpus.Sentence> sentences(List<String> lines) {
        var tokens = new ArrayList<String>();
        var tags = new ArrayList<String>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || PAGE_HEADER.matcher(trimmed).matches()) {
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            String tag = columns.length > 1 ? tag(columns[columns.length - 1]) : null;
            int words = tag == null ? columns.length : columns.length - 1;
            boolean first = true;
            for (int w = 0; w < words; w++) {
                for (String token : detached(columns[w])) {
                    boolean word = token.codePoints().anyMatch(Character::isLetterOrDigit);
                    tokens.add(token);
                    if (tag == null || tag.equals("O") || !word) {
                        tags.add(tag != null && !tag.equals("O") && !first ? "I-" + tag.substring(2) : "O");
                    } else {
                        tags.add(first ? tag : "I-" + tag.substring(2));
                        first = false;
                    }
                }
            }
        }
        // Punctuation detached from the end of an entity continues it only when the entity goes on after it.
        for (int i = 0; i < tokens.size(); i++) {
            boolean inside = tags.get(i).startsWith("I-");
            boolean continued =
                    i + 1 < tokens.size() && tags.get(i + 1).equals(tags.get(i).replace("B-", "I-"));
            if (inside && !tokens.get(i).codePoints().anyMatch(Character::isLetterOrDigit) && !continued) {
                tags.set(i, "O");
            }
        }
        var sentences = new ArrayList<ConllCorpus.Sentence>();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (i + 1 == tokens.size() || i + 1 - start >= MAX_TOKENS || endsSentence(tokens, tags, i)) {
                sentences.add(new ConllCorpus.Sentence(
                        List.copyOf(tokens.subList(start, i + 1)), List.copyOf(tags.subList(start, i + 1)), false));
                start = i + 1;
            }
        }
        return sentences;
    }

    /** A sentence ends at {@code . ! ?}, not after an initial ("J. H. Dekker") and not inside an entity. */
    private static boolean endsSentence(List<String> tokens, List<String> tags, int i) {
        if (!SENTENCE_ENDS.contains(tokens.get(i)) || tags.get(i + 1).startsWith("I-")) {
            return false;
        }
        return i == 0 || tokens.get(i - 1).codePointCount(0, tokens.get(i - 1).length()) > 1;
    }

    /**
     * The OCR text of the Dutch and French files leaves punctuation on the words ("Dekker,", "Schouwburg."); it is
     * split off as the runtime tokenizer and the dev sets split it.
     */
    static List<String> detached(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && LEADING.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRAILING.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        if (start == end) {
            return List.of(token);
        }
        var parts = new ArrayList<String>();
        for (int i = 0; i < start; i++) {
            parts.add(String.valueOf(token.charAt(i)));
        }
        parts.add(token.substring(start, end));
        for (int i = end; i < token.length(); i++) {
            parts.add(String.valueOf(token.charAt(i)));
        }
        return parts;
    }

    /** The tag in upper case, {@code O} for an unknown type, or null when the column is not a tag but a word. */
    private static String tag(String column) {
        String upper = column.toUpperCase(Locale.ROOT);
        if (upper.equals("O")) {
            return "O";
        }
        if (upper.length() > 2 && (upper.startsWith("B-") || upper.startsWith("I-"))) {
            return TYPES.contains(upper.substring(2)) ? upper : "O";
        }
        return null;
    }
}
