package io.newsflow.enrich.entities;

import io.newsflow.events.Enrichment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges one article's mentions into entities with a canonical name and a count. A mention's name drops possessives,
 * surrounding punctuation, a leading "the" (organisations and places) and leading titles (people); variants that
 * differ only in case are one entity, named by the spelling seen most often inside sentences. A name seen under
 * several types takes the type it was tagged with most often. A person mentioned by the end of their name ("Zelensky",
 * "von der Leyen") is the person with the longest full name ending that way in the same article, also when the name
 * finder took that short mention (of at most two words) for an organisation or a place.
 */
final class MentionMerger {

    static final List<String> TYPES = List.of("PER", "ORG", "LOC");

    /** Words that introduce a person's name without being part of it (general titles, not names). */
    private static final Set<String> TITLES = Set.of(
            "president",
            "vice",
            "prime",
            "minister",
            "chancellor",
            "secretary",
            "general",
            "foreign",
            "defence",
            "defense",
            "finance",
            "interior",
            "chairman",
            "chairwoman",
            "chair",
            "chief",
            "executive",
            "ceo",
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "prof",
            "professor",
            "sir",
            "dame",
            "lord",
            "lady",
            "king",
            "queen",
            "prince",
            "princess",
            "pope",
            "senator",
            "sen",
            "rep",
            "representative",
            "governor",
            "gov",
            "mayor",
            "judge",
            "justice",
            "commissioner",
            "ambassador",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "coach",
            "manager",
            "captain",
            "colonel",
            "col",
            "lt",
            "sgt",
            "gen",
            "admiral",
            "premier",
            "leader",
            "former",
            "late",
            "deputy",
            "acting",
            "opposition",
            "speaker",
            "new",
            "us",
            "u.s.",
            "uk",
            "eu",
            "french",
            "german",
            "british",
            "american",
            "russian",
            "ukrainian",
            "italian",
            "spanish",
            "polish",
            "dutch",
            "chinese");

    private MentionMerger() {}

    /** The variants of one name (same words, any case) and how they were tagged. */
    private static final class Name {
        final String key;
        final List<String> words;
        final Map<String, Integer> typeVotes = new HashMap<>();
        final Map<String, int[]> spellings = new TreeMap<>();
        int mentions;

        Name(String key) {
            this.key = key;
            this.words = List.of(key.split(" "));
        }

        String type() {
            return TYPES.stream()
                    .max(Comparator.comparingInt((String t) -> typeVotes.getOrDefault(t, 0))
                            .thenComparing(
                                    Comparator.comparingInt(TYPES::indexOf).reversed()))
                    .orElseThrow();
        }

        /** Most often inside a sentence, then most often, then the first in code point order ("NATO" before "Nato"). */
        String spelling() {
            return spellings.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[1])
                            .thenComparingInt(e -> -e.getValue()[0])
                            .thenComparing(Map.Entry.comparingByKey()))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
        }

        boolean endsWith(Name other) {
            return words.size() > other.words.size()
                    && words.subList(words.size() - other.words.size(), words.size())
                            .equals(other.words);
        }
    }

    static ExtractedEntities merge(List<Mention> mentions) {
        var names = new LinkedHashMap<String, Name>();
        for (Mention mention : mentions) {
            if (!TYPES.contains(mention.type())) {
                continue;
            }
            List<String> words = clean(mention.type(), mention.text());
            if (words.isEmpty()) {
                continue;
            }
            String spelling = String.join(" ", words);
            var name = names.computeIfAbsent(spelling.toLowerCase(Locale.ROOT), Name::new);
            name.typeVotes.merge(mention.type(), 1, Integer::sum);
            int[] counts = name.spellings.computeIfAbsent(spelling, s -> new int[2]);
            counts[0]++;
            counts[1] += mention.sentenceInitial() ? 0 : 1;
            name.mentions++;
        }
        var people = names.values().stream().filter(n -> n.type().equals("PER")).toList();
        var entities = new HashMap<String, Map<String, Integer>>();
        for (String type : TYPES) {
            entities.put(type, new HashMap<>());
        }
        for (Name name : names.values()) {
            var fullName = people.stream()
                    .filter(person -> person.endsWith(name))
                    .max(Comparator.comparingInt((Name person) -> person.words.size())
                            .thenComparingInt(person -> person.mentions)
                            .thenComparing(person -> person.key, Comparator.reverseOrder()));
            if (fullName.isPresent() && (name.type().equals("PER") || name.words.size() <= 2)) {
                entities.get("PER").merge(fullName.get().spelling(), name.mentions, Integer::sum);
            } else {
                entities.get(name.type()).merge(name.spelling(), name.mentions, Integer::sum);
            }
        }
        return new ExtractedEntities(
                sorted(entities.get("PER")), sorted(entities.get("ORG")), sorted(entities.get("LOC")));
    }

    private static List<Enrichment.Entity> sorted(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> new Enrichment.Entity(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Enrichment.Entity::mentions)
                        .reversed()
                        .thenComparing(Enrichment.Entity::name))
                .toList();
    }

    /** The words of a mention without possessive, surrounding punctuation, leading article or titles. */
    static List<String> clean(String type, String text) {
        var words = new ArrayList<>(
                Arrays.asList(text.strip().replace('\u2019', '\'').split("\\s+")));
        while (!words.isEmpty() && !hasLetterOrDigit(words.getFirst())) {
            words.removeFirst();
        }
        while (!words.isEmpty() && !hasLetterOrDigit(words.getLast())) {
            words.removeLast();
        }
        if (!words.isEmpty()) {
            String last = words.getLast();
            if (last.endsWith("'s") || last.endsWith("'S")) {
                words.set(words.size() - 1, last.substring(0, last.length() - 2));
            } else if (last.endsWith("s'")) {
                words.set(words.size() - 1, last.substring(0, last.length() - 1));
            }
        }
        if (!words.isEmpty() && !type.equals("PER") && words.getFirst().equalsIgnoreCase("the")) {
            words.removeFirst();
        }
        if (type.equals("PER")) {
            while (words.size() > 1
                    && TITLES.contains(words.getFirst().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))) {
                words.removeFirst();
            }
        }
        words.removeIf(String::isEmpty);
        return words.isEmpty() || !hasLetterOrDigit(String.join("", words)) ? List.of() : List.copyOf(words);
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
