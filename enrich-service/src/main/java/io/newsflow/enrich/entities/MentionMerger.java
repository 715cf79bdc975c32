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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges one article's mentions into entities with a canonical name and a count. A mention's name drops possessives,
 * surrounding punctuation, a leading "the" (organisations and places) and leading titles (people); variants that
 * differ only in case are one entity, named by the spelling seen most often inside sentences. A name seen under
 * several types takes the type it was tagged with most often. A person mentioned by the end of their name ("Zelensky",
 * "von der Leyen") is the person with the longest full name ending that way in the same article, also when the name
 * finder took that short mention (of at most two words) for an organisation or a place.
 *
 * <p>German and Dutch inflect names: the genitive adds -s or -es ("Deutschlands", "Völkerbundes", "Matteottis"). The
 * genitives the German Europeana newspapers attest ({@link EntityInflections}) fold in every article, by their key. Any
 * other mention that is another mention of the article plus "s" or "es" joins it ("Kiews" and "Kiew"), as does an
 * inflected surname ("Mussolinis" and "Benito Mussolini"): of the same type, or of the type the base form's evidence
 * settles (an alias entry, or more votes than the inflected form has mentions). The base spelling is kept. A final s
 * alone never folds ("Paris", "Hans", "Texas" stay); in Dutch people are left out, as Dutch patronymic surnames end
 * in -s ("Janssen" and "Janssens" are two families).
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
            "chinese",
            // German and Dutch honorifics and titles
            "herr",
            "herrn",
            "frau",
            "dres",
            "bundeskanzler",
            "bundeskanzlerin",
            "kanzler",
            "kanzlerin",
            "präsident",
            "präsidentin",
            "bundespräsident",
            "bundespräsidentin",
            "ministerpräsident",
            "ministerpräsidentin",
            "bundesminister",
            "bundesministerin",
            "ministerin",
            "außenminister",
            "außenministerin",
            "bürgermeister",
            "bürgermeisterin",
            "oberbürgermeister",
            "staatssekretär",
            "papst",
            "könig",
            "königin",
            "kaiser",
            "graf",
            "gräfin",
            "heer",
            "mevrouw",
            "mevr",
            "meneer",
            "dhr",
            "drs",
            "ir",
            "premier-minister",
            "minister-president",
            "burgemeester",
            "koning",
            "koningin",
            "staatssecretaris",
            "voorzitter",
            "deutsche",
            "deutscher",
            "niederländische",
            "niederländischer",
            "nederlandse",
            // French: "M." and "Mme" reach the merger as "M"/"Mme" (the tokenizer splits their dot off as the
            // Europeana training text does), "le général de Gaulle" with its article.
            "m",
            "mm",
            "mme",
            "mmes",
            "mlle",
            "mgr",
            "monsieur",
            "madame",
            "mademoiselle",
            "président",
            "présidente",
            "ministre",
            "première",
            "général",
            "maréchal",
            "sénateur",
            "député",
            "maire");

    /** Articles before a title ("de heer Rutte", "der Kanzler Scholz", "le général Leclerc"), dropped with the title. */
    private static final Set<String> TITLE_ARTICLES = Set.of("de", "der", "die", "het", "le", "la");

    /** Prepositions of place: a name after them is evidence that the name is a place ("in Paris", "outside the White House"). */
    private static final Set<String> PLACE_PREPOSITIONS =
            Set.of("in", "at", "near", "outside", "inside", "across", "from", "to", "into", "around", "throughout");

    /** Languages whose genitive adds -s or -es to a name. */
    private static final Set<String> INFLECTING = Set.of("de", "nl");

    /** Genitive endings, longest first. */
    private static final List<String> GENITIVE_ENDINGS = List.of("es", "s");

    /** Words that do not count towards an abbreviation's letters ("Bank of England" is "BoE"). */
    private static final Set<String> MINOR_WORDS = Set.of("of", "the", "and", "for", "on", "in", "de", "du", "la");

    private MentionMerger() {}

    /** The mentions of one entity, under its key (see {@link EntityKeys}), and the evidence for its type. */
    private static final class Name {
        final String key;
        final List<String> words;
        final Map<String, Integer> typeVotes = new HashMap<>();
        final Map<String, int[]> spellings = new TreeMap<>();
        final String canonical;
        final String usualType;
        int mentions;

        Name(String key, List<String> words, Optional<EntityAliases.Canonical> alias) {
            this.key = key;
            this.words = words;
            this.canonical = alias.map(EntityAliases.Canonical::name).orElse(null);
            this.usualType = alias.map(EntityAliases.Canonical::type).orElse("");
            // What is generally known about the entity counts as one mention's worth of evidence.
            alias.ifPresent(a -> typeVotes.merge(a.type(), 1, Integer::sum));
        }

        String type() {
            return TYPES.stream()
                    .max(Comparator.comparingInt((String t) -> typeVotes.getOrDefault(t, 0))
                            .thenComparing(t -> t.equals(usualType))
                            .thenComparing(
                                    Comparator.comparingInt(TYPES::indexOf).reversed()))
                    .orElseThrow();
        }

        /**
         * The alias table's name, else the spelling seen most often inside a sentence, then most often, then the first
         * in code point order ("NATO" before "Nato").
         */
        String spelling() {
            if (canonical != null) {
                return canonical;
            }
            return spellings.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[1])
                            .thenComparingInt(e -> -e.getValue()[0])
                            .thenComparing(Map.Entry.comparingByKey()))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
        }

        boolean endsWith(Name other) {
            return endsWith(other.words);
        }

        boolean endsWith(List<String> end) {
            return words.size() > end.size()
                    && words.subList(words.size() - end.size(), words.size()).equals(end);
        }

        /** An abbreviation of {@code other}: its letters are the initials of other's words ("ECB", "BoE"). */
        boolean abbreviates(Name other) {
            if (canonical != null || words.size() != 1 || other.words.size() < 2) {
                return false;
            }
            var initials = new StringBuilder();
            for (String word : other.words) {
                if (!MINOR_WORDS.contains(word)) {
                    initials.append(word.charAt(0));
                }
            }
            String spelling = spelling();
            return initials.length() >= 2
                    && spelling.chars().filter(Character::isUpperCase).count() >= 2
                    && initials.toString().equals(words.getFirst());
        }

        void absorb(Name other) {
            other.typeVotes.forEach((type, votes) -> typeVotes.merge(type, votes, Integer::sum));
            mentions += other.mentions;
        }
    }

    static ExtractedEntities merge(List<Mention> mentions) {
        return merge(mentions, Set.of());
    }

    /**
     * Merges one article's mentions.
     *
     * @param lowerCaseWords the words the article writes in lower case inside its sentences: in a heading they are
     *     the heading's words, not part of a name ("Continued Russian Strikes")
     */
    static ExtractedEntities merge(List<Mention> mentions, Set<String> lowerCaseWords) {
        return merge(mentions, lowerCaseWords, "");
    }

    /**
     * Merges one article's mentions.
     *
     * @param lowerCaseWords the words the article writes in lower case inside its sentences: in a heading they are
     *     the heading's words, not part of a name ("Continued Russian Strikes")
     * @param language the article's language: German and Dutch genitives fold onto their base form
     */
    static ExtractedEntities merge(List<Mention> mentions, Set<String> lowerCaseWords, String language) {
        var cleaned = new ArrayList<Map.Entry<Mention, List<String>>>();
        for (Mention mention : mentions) {
            if (TYPES.contains(mention.type())) {
                var words = clean(mention.type(), mention.text());
                if (!words.isEmpty()) {
                    cleaned.add(Map.entry(mention, words));
                }
            }
        }
        var otherKeys = new HashMap<String, Integer>();
        cleaned.forEach(entry -> otherKeys.merge(EntityKeys.of(String.join(" ", entry.getValue())), 1, Integer::sum));
        var names = new LinkedHashMap<String, Name>();
        for (var entry : cleaned) {
            Mention mention = entry.getKey();
            List<String> words = mention.heading()
                    ? inHeading(entry.getValue(), mention.type(), otherKeys, lowerCaseWords)
                    : entry.getValue();
            if (words.isEmpty()) {
                continue;
            }
            String spelling = EntityInflections.base(String.join(" ", words), language);
            var alias = EntityAliases.of(spelling);
            String key = EntityKeys.of(alias.map(EntityAliases.Canonical::name).orElse(spelling));
            var name = names.computeIfAbsent(key, k -> new Name(k, EntityKeys.words(k), alias));
            name.typeVotes.merge(mention.type(), 1, Integer::sum);
            if (!mention.type().equals("PER") && PLACE_PREPOSITIONS.contains(mention.previous())) {
                name.typeVotes.merge("LOC", 1, Integer::sum);
            }
            int[] counts = name.spellings.computeIfAbsent(spelling, s -> new int[2]);
            counts[0]++;
            counts[1] += mention.sentenceInitial() || mention.heading() ? 0 : 1;
            name.mentions++;
        }
        for (var abbreviation : List.copyOf(names.values())) {
            names.values().stream()
                    .filter(abbreviation::abbreviates)
                    .max(Comparator.comparingInt((Name n) -> n.mentions).thenComparing(n -> n.key))
                    .ifPresent(full -> {
                        full.absorb(abbreviation);
                        names.remove(abbreviation.key);
                    });
        }
        boolean inflecting = INFLECTING.contains(language);
        if (inflecting) {
            foldGenitives(names, language);
        }
        var people = names.values().stream().filter(n -> n.type().equals("PER")).toList();
        var entities = new HashMap<String, Map<String, int[]>>();
        var keys = new HashMap<String, String>();
        for (String type : TYPES) {
            entities.put(type, new HashMap<>());
        }
        for (Name name : names.values()) {
            var fullName = people.stream()
                    .filter(person -> person.endsWith(name)
                            || (inflecting
                                    && !language.equals("nl")
                                    && uninflected(name.words).stream().anyMatch(person::endsWith)))
                    .max(Comparator.comparingInt((Name person) -> person.words.size())
                            .thenComparingInt(person -> person.mentions)
                            .thenComparing(person -> person.key, Comparator.reverseOrder()));
            Name target = fullName.isPresent() && (name.type().equals("PER") || name.words.size() <= 2)
                    ? fullName.get()
                    : name;
            String type = target == name ? name.type() : "PER";
            entities.get(type).computeIfAbsent(target.spelling(), s -> new int[1])[0] += name.mentions;
            keys.put(target.spelling(), target.key);
        }
        return new ExtractedEntities(
                sorted(entities.get("PER"), keys),
                sorted(entities.get("ORG"), keys),
                sorted(entities.get("LOC"), keys));
    }

    /**
     * Folds a name that is another name of the article plus a genitive ending onto it ("Kiews" onto "Kiew"), when
     * their types agree or the base form's type is settled: by the alias table, or by more votes than the inflected
     * form has mentions.
     */
    private static void foldGenitives(Map<String, Name> names, String language) {
        for (Name inflected : List.copyOf(names.values())) {
            if (inflected.canonical != null
                    || (language.equals("nl") && inflected.type().equals("PER"))) {
                continue;
            }
            String spelling = inflected.spelling();
            for (String ending : GENITIVE_ENDINGS) {
                if (!spelling.toLowerCase(Locale.ROOT).endsWith(ending)) {
                    continue;
                }
                String stripped = spelling.substring(0, spelling.length() - ending.length());
                if (stripped.substring(stripped.lastIndexOf(' ') + 1).length() < 3) {
                    continue;
                }
                String key = EntityKeys.of(EntityAliases.of(stripped)
                        .map(EntityAliases.Canonical::name)
                        .orElse(stripped));
                Name base = names.get(key);
                if (base == null
                        || base == inflected
                        || (language.equals("nl") && base.type().equals("PER"))) {
                    continue;
                }
                boolean settled = inflected.type().equals(base.type())
                        || !base.usualType.isEmpty()
                        || base.typeVotes.getOrDefault(base.type(), 0) > inflected.mentions;
                if (settled) {
                    base.absorb(inflected);
                    names.remove(inflected.key);
                    break;
                }
            }
        }
    }

    /** A name's words without a genitive ending on the last word (at least three letters left), for each ending. */
    private static List<List<String>> uninflected(List<String> words) {
        var forms = new ArrayList<List<String>>();
        String last = words.getLast();
        for (String ending : GENITIVE_ENDINGS) {
            if (last.endsWith(ending) && last.length() - ending.length() >= 3) {
                var form = new ArrayList<>(words);
                form.set(form.size() - 1, last.substring(0, last.length() - ending.length()));
                forms.add(List.copyOf(form));
            }
        }
        return forms;
    }

    /**
     * A heading's words around a name: cut to a name the article mentions elsewhere ("NATO Role" to "NATO"), and
     * without edge words the article writes in lower case. People are left whole: their full names often stand only
     * in a heading or list item, and the surname rule joins them.
     */
    private static List<String> inHeading(
            List<String> words, String type, Map<String, Integer> keys, Set<String> lowerCaseWords) {
        var kept = new ArrayList<>(words);
        if (!type.equals("PER")) {
            for (int length = kept.size() - 1; length > 0; length--) {
                var start = kept.subList(0, length);
                var end = kept.subList(kept.size() - length, kept.size());
                if (keys.containsKey(EntityKeys.of(String.join(" ", start)))) {
                    return List.copyOf(start);
                }
                if (keys.containsKey(EntityKeys.of(String.join(" ", end)))) {
                    return List.copyOf(end);
                }
            }
        }
        while (!kept.isEmpty() && lowerCaseWords.contains(kept.getLast().toLowerCase(Locale.ROOT))) {
            kept.removeLast();
        }
        while (!kept.isEmpty() && lowerCaseWords.contains(kept.getFirst().toLowerCase(Locale.ROOT))) {
            kept.removeFirst();
        }
        return List.copyOf(kept);
    }

    private static List<Enrichment.Entity> sorted(Map<String, int[]> counts, Map<String, String> keys) {
        return counts.entrySet().stream()
                .map(e -> new Enrichment.Entity(e.getKey(), e.getValue()[0], keys.get(e.getKey())))
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
            while (words.size() > 1) {
                if (isTitle(words.getFirst())) {
                    words.removeFirst();
                } else if (words.size() > 2
                        && TITLE_ARTICLES.contains(words.getFirst().toLowerCase(Locale.ROOT))
                        && isTitle(words.get(1))) {
                    words.removeFirst();
                    words.removeFirst();
                } else {
                    break;
                }
            }
        }
        words.removeIf(String::isEmpty);
        return words.isEmpty() || !hasLetterOrDigit(String.join("", words)) ? List.of() : List.copyOf(words);
    }

    private static boolean isTitle(String word) {
        return TITLES.contains(word.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
