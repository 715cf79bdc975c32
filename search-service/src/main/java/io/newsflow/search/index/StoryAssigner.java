package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import io.newsflow.events.ArticleEnriched;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Groups articles about the same event into a story: an article joins the story of an indexed (or earlier in the
 * batch) article whose fingerprint is within {@value Fingerprints#MAX_DISTANCE} bits of its own and whose words
 * overlap enough to confirm it; otherwise it starts a story of its own, named by its id. An article keeps the story
 * it has. Per batch: one search for the candidates' fingerprints, and one multi-get for the words of the few that
 * are near.
 */
@Component
class StoryAssigner {

    /** Jaccard similarity of the word sets of title and text that confirms a fingerprint match. */
    static final double MIN_SIMILARITY = 0.3;

    private static final int WORDS_FROM_TEXT = 2_000;
    private static final int RECENT = 5_000;
    private static final int MAX_CANDIDATES = 5_000;

    /** How far apart in publication time two articles of one story may be. */
    static final Duration STORY_SPAN = Duration.ofDays(3);

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    // Articles this instance indexed lately: a search sees them only after the next refresh, and the articles of
    // one story often arrive within a second of each other.
    private final Candidates recent = new Candidates(RECENT);

    StoryAssigner(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    List<ArticleIndex.Indexable> assign(List<ArticleEnriched> events) throws IOException {
        return assign(events, index.alias());
    }

    List<ArticleIndex.Indexable> assign(List<ArticleEnriched> events, String target) throws IOException {
        return assign(events, target, Map.of());
    }

    /**
     * @param known the story each article already has (a rebuild keeps the stories of the old index, whatever
     *     order the replay meets the articles in)
     */
    List<ArticleIndex.Indexable> assign(List<ArticleEnriched> events, String target, Map<String, String> known)
            throws IOException {
        var live = target.equals(index.alias());
        var bands = events.stream()
                .flatMap(event -> Fingerprints.bands(event.enrichment().fingerprint()).stream())
                .collect(Collectors.toSet());
        var candidates = new Candidates(Integer.MAX_VALUE);
        if (!bands.isEmpty()) {
            var published = events.stream()
                    .map(e -> e.article().publishedAt() != null ? e.article().publishedAt() : e.occurredAt())
                    .filter(java.util.Objects::nonNull)
                    .sorted()
                    .toList();
            stored(
                            target,
                            bands,
                            published.getFirst().minus(STORY_SPAN),
                            published.getLast().plus(STORY_SPAN))
                    .forEach(candidates::put);
            if (live) {
                recent.sharingABand(bands).forEach(candidates::putIfAbsent);
            }
            loadWords(target, events, candidates);
        }
        var result = new ArrayList<ArticleIndex.Indexable>(events.size());
        for (var event : events) {
            var fingerprint = event.enrichment().fingerprint();
            var indexed = candidates.get(event.articleId());
            String story;
            Set<String> words = null;
            if (known.containsKey(event.articleId())) {
                story = known.get(event.articleId());
            } else if (indexed != null) {
                story = indexed.storyId();
            } else {
                var near = Fingerprints.valid(fingerprint)
                        ? candidates.near(Long.parseUnsignedLong(fingerprint, 16), Fingerprints.bands(fingerprint))
                        : List.<Candidate>of();
                if (!near.isEmpty()) {
                    words = words(event.article().title(), event.enrichment().text());
                }
                var eventWords = words;
                story = near.stream()
                        .filter(c -> c.words() != null
                                && similarity(eventWords, c.words().get()) >= MIN_SIMILARITY)
                        .map(Candidate::storyId)
                        .sorted()
                        .findFirst()
                        .orElse(event.articleId());
            }
            if (Fingerprints.valid(fingerprint)) {
                // later articles of this batch may be near this one: they need its words
                var candidate = Candidate.of(
                        event.articleId(),
                        story,
                        fingerprint,
                        words != null
                                ? new Words(words)
                                : new Words(
                                        event.article().title(),
                                        event.enrichment().text()));
                candidates.put(candidate);
                if (live) {
                    recent.put(candidate);
                }
            }
            result.add(new ArticleIndex.Indexable(event, ArticleDocument.from(event, story)));
        }
        return result;
    }

    private List<Candidate> stored(String target, Set<String> bands, Instant from, Instant to) throws IOException {
        var terms = bands.stream().map(FieldValue::of).toList();
        var response = client.search(
                s -> s.index(target)
                        .size(MAX_CANDIDATES)
                        // doc values, not _source: much cheaper for many hits
                        .source(src -> src.fetch(false))
                        .docvalueFields(f -> f.field("storyId"))
                        .docvalueFields(f -> f.field("fingerprint"))
                        .query(q -> q.bool(b -> b.filter(f ->
                                        f.terms(t -> t.field("fingerprintBands").terms(v -> v.value(terms))))
                                .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt")
                                        .gte(from.toString())
                                        .lte(to.toString())))))),
                Void.class);
        var candidates = new ArrayList<Candidate>();
        for (var hit : response.hits().hits()) {
            var storyId = first(hit.fields().get("storyId"));
            var fingerprint = first(hit.fields().get("fingerprint"));
            if (storyId != null && Fingerprints.valid(fingerprint)) {
                candidates.add(Candidate.of(hit.id(), storyId, fingerprint, null));
            }
        }
        return candidates;
    }

    private static String first(co.elastic.clients.json.JsonData values) {
        if (values == null) {
            return null;
        }
        var list = values.to(List.class);
        return list.isEmpty() ? null : String.valueOf(list.getFirst());
    }

    /** Fetches the words of the candidates near an article of the batch: usually none or a few. */
    private void loadWords(String target, List<ArticleEnriched> events, Candidates candidates) throws IOException {
        var ids = new HashSet<String>();
        for (var event : events) {
            var fingerprint = event.enrichment().fingerprint();
            if (Fingerprints.valid(fingerprint)) {
                candidates.near(Long.parseUnsignedLong(fingerprint, 16), Fingerprints.bands(fingerprint)).stream()
                        .filter(c -> c.words() == null)
                        .forEach(c -> ids.add(c.id()));
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        var texts = new HashMap<String, Set<String>>();
        var response = client.mget(
                m -> m.index(target).ids(new ArrayList<>(ids)).sourceIncludes("title", "text"), StoredText.class);
        for (var doc : response.docs()) {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                var source = doc.result().source();
                texts.put(doc.result().id(), words(source.title(), source.text()));
            }
        }
        texts.forEach((id, words) -> candidates.withWords(id, words));
    }

    /** The stories the articles have in the given index. */
    Map<String, String> storiesIn(String source, List<ArticleEnriched> events) throws IOException {
        if (events.isEmpty()) {
            return Map.of();
        }
        var response = client.mget(
                m -> m.index(source)
                        .ids(events.stream()
                                .map(ArticleEnriched::articleId)
                                .distinct()
                                .toList())
                        .sourceIncludes("storyId"),
                StoredStory.class);
        var stories = new HashMap<String, String>();
        for (var doc : response.docs()) {
            if (doc.isResult()
                    && doc.result().found()
                    && doc.result().source() != null
                    && doc.result().source().storyId() != null) {
                stories.put(doc.result().id(), doc.result().source().storyId());
            }
        }
        return stories;
    }

    static Set<String> words(String title, String text) {
        var all = (title == null ? "" : title) + " "
                + (text == null ? "" : text.substring(0, Math.min(text.length(), WORDS_FROM_TEXT)));
        return Arrays.stream(all.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() > 2)
                .collect(Collectors.toSet());
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        var common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    record StoredStory(String storyId) {}

    /** The fields of an indexed article that confirm a fingerprint match. */
    record StoredText(String title, String text) {}

    /** The words of an article, worked out when first needed: most articles never meet a near duplicate. */
    private static final class Words {
        private final String title;
        private final String text;
        // recent candidates are shared by the consumer threads; computing the words twice is harmless
        private volatile Set<String> words;

        Words(String title, String text) {
            this.title = title;
            this.text = text;
        }

        Words(Set<String> words) {
            this(null, null);
            this.words = words;
        }

        Set<String> get() {
            var value = words;
            if (value == null) {
                value = words(title, text);
                words = value;
            }
            return value;
        }
    }

    /**
     * Candidates by id, and their ids by fingerprint band: an article is compared bit by bit only with the candidates
     * that share one of its bands, since every near one does (see {@link Fingerprints}). Beyond its capacity the
     * oldest is forgotten first. Synchronized: the recent candidates are shared by the consumer threads.
     */
    private static final class Candidates {
        private final int capacity;
        private final LinkedHashMap<String, Candidate> byId = new LinkedHashMap<>();
        private final Map<String, Set<String>> idsByBand = new HashMap<>();

        Candidates(int capacity) {
            this.capacity = capacity;
        }

        synchronized Candidate get(String id) {
            return byId.get(id);
        }

        synchronized void put(Candidate candidate) {
            var previous = byId.remove(candidate.id());
            if (previous != null) {
                forget(previous);
            }
            byId.put(candidate.id(), candidate);
            for (var band : candidate.bands()) {
                idsByBand.computeIfAbsent(band, key -> new LinkedHashSet<>(2)).add(candidate.id());
            }
            if (byId.size() > capacity) {
                forget(byId.pollFirstEntry().getValue());
            }
        }

        synchronized void putIfAbsent(Candidate candidate) {
            if (!byId.containsKey(candidate.id())) {
                put(candidate);
            }
        }

        synchronized void withWords(String id, Set<String> words) {
            byId.computeIfPresent(id, (key, candidate) -> candidate.withWords(words));
        }

        synchronized List<Candidate> sharingABand(Collection<String> bands) {
            var found = new LinkedHashMap<String, Candidate>();
            for (var band : bands) {
                for (var id : idsByBand.getOrDefault(band, Set.of())) {
                    found.putIfAbsent(id, byId.get(id));
                }
            }
            return new ArrayList<>(found.values());
        }

        List<Candidate> near(long bits, List<String> bands) {
            return sharingABand(bands).stream()
                    .filter(candidate -> Long.bitCount(bits ^ candidate.bits()) <= Fingerprints.MAX_DISTANCE)
                    .toList();
        }

        private void forget(Candidate candidate) {
            for (var band : candidate.bands()) {
                var ids = idsByBand.get(band);
                if (ids != null && ids.remove(candidate.id()) && ids.isEmpty()) {
                    idsByBand.remove(band);
                }
            }
        }
    }

    private record Candidate(
            String id, String storyId, String fingerprint, long bits, List<String> bands, Words words) {

        static Candidate of(String id, String storyId, String fingerprint, Words words) {
            return new Candidate(
                    id,
                    storyId,
                    fingerprint,
                    Long.parseUnsignedLong(fingerprint, 16),
                    Fingerprints.bands(fingerprint),
                    words);
        }

        Candidate withWords(Set<String> value) {
            return new Candidate(id, storyId, fingerprint, bits, bands, new Words(value));
        }
    }
}
