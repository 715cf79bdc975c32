package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.util.Span;

/** Corrections of person spans that need the article rather than the sentence window the name finder sees. */
public final class NameParticles {

    /** Lower-case words inside surnames in European and Arabic names (general grammar words, not names). */
    private static final Set<String> PARTICLES = Set.of(
            "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "bin", "ibn",
            "al", "ter", "ten", "zu", "vom", "zur");

    /**
     * The particles that are also the language's definite articles: alone after a name they are the article of the
     * next noun ("Rutte de Tweede Kamer", "Scholz der SPD"), so they join a name only after another particle ("van der
     * Leyen", "von der Leyen").
     */
    private static final Map<String, Set<String>> ARTICLES =
            Map.of("de", Set.of("der", "den", "das"), "nl", Set.of("de", "der", "den"));

    private NameParticles() {}

    static boolean isParticle(String token) {
        return PARTICLES.contains(token.toLowerCase(Locale.ROOT));
    }

    private static boolean isCapitalised(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0)) && !isParticle(token);
    }

    /**
     * Extends person spans over name particles followed by a capitalised word ("Ursula" + "von der Leyen"), and a
     * span made only of particles ("Von", whatever type the name finder gave it) likewise, into a person.
     */
    static List<Span> joinPersonNames(String[] tokens, List<Span> spans) {
        return joinPersonNames(tokens, spans, "en");
    }

    static List<Span> joinPersonNames(String[] tokens, List<Span> spans, String language) {
        var articles = ARTICLES.getOrDefault(language, Set.of());
        var joined = new ArrayList<Span>();
        for (int s = 0; s < spans.size(); s++) {
            Span span = spans.get(s);
            int end = span.getEnd();
            String type = span.getType();
            boolean onlyParticles = true;
            for (int i = span.getStart(); i < end; i++) {
                onlyParticles &= isParticle(tokens[i]);
            }
            onlyParticles &= !articles.contains(tokens[span.getStart()].toLowerCase(Locale.ROOT));
            boolean articleNext = end < tokens.length && articles.contains(tokens[end]);
            if ((type.equals("PER") && !articleNext) || onlyParticles) {
                int next = end;
                while (next < tokens.length && isParticle(tokens[next])) {
                    next++;
                }
                if ((next > end || onlyParticles) && next < tokens.length && isCapitalised(tokens[next])) {
                    end = next + 1;
                    // "Von der Leyen" at a sentence start: a particle is no name alone, and with a surname a person's.
                    type = "PER";
                }
            }
            // The extension may swallow the next span (the name finder's own end of the surname).
            while (s + 1 < spans.size() && spans.get(s + 1).getStart() < end) {
                end = Math.max(end, spans.get(++s).getEnd());
            }
            joined.add(end == span.getEnd() ? span : new Span(span.getStart(), end, type));
        }
        return joined;
    }

    /**
     * Both corrections over one article: person names joined over particles in each sentence, then the surnames of the
     * people named in full anywhere in the article added where they stand untagged.
     */
    public static List<List<Span>> correctArticle(List<String[]> sentences, List<List<Span>> spans) {
        return correctArticle(sentences, spans, "en");
    }

    /** As {@link #correctArticle(List, List)}, with the particles that are articles in the given language. */
    public static List<List<Span>> correctArticle(List<String[]> sentences, List<List<Span>> spans, String language) {
        var joined = new ArrayList<List<Span>>();
        var surnames = new ArrayList<List<String>>();
        for (int i = 0; i < sentences.size(); i++) {
            String[] tokens = sentences.get(i);
            var sentenceSpans = joinPersonNames(tokens, spans.get(i), language);
            joined.add(sentenceSpans);
            for (Span span : sentenceSpans) {
                var words = MentionMerger.clean(
                        span.getType(), String.join(" ", List.of(tokens).subList(span.getStart(), span.getEnd())));
                if (span.getType().equals("PER") && words.size() > 1) {
                    surnames.add(words.subList(1, words.size()));
                }
            }
        }
        var corrected = new ArrayList<List<Span>>();
        for (int i = 0; i < sentences.size(); i++) {
            corrected.add(addSurnames(sentences.get(i), joined.get(i), surnames));
        }
        return corrected;
    }

    /** Adds a person span wherever a known surname stands untagged. */
    static List<Span> addSurnames(String[] tokens, List<Span> spans, List<List<String>> surnames) {
        var all = new ArrayList<>(spans);
        var longestFirst = surnames.stream()
                .distinct()
                .sorted(Comparator.comparingInt((List<String> s) -> -s.size()))
                .toList();
        for (var surname : longestFirst) {
            for (int i = 0; i + surname.size() <= tokens.length; i++) {
                if (matches(tokens, i, surname) && free(all, i, i + surname.size())) {
                    all.add(new Span(i, i + surname.size(), "PER"));
                }
            }
        }
        all.sort(Comparator.comparingInt(Span::getStart));
        return all;
    }

    private static boolean matches(String[] tokens, int start, List<String> words) {
        for (int w = 0; w < words.size(); w++) {
            String token = tokens[start + w];
            String word = words.get(w);
            boolean same = isParticle(word) ? token.equalsIgnoreCase(word) : token.equals(word);
            if (!same) {
                return false;
            }
        }
        return isCapitalised(words.getLast());
    }

    private static boolean free(List<Span> spans, int start, int end) {
        return spans.stream().noneMatch(span -> span.getStart() < end && start < span.getEnd());
    }
}
