package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import io.newsflow.events.ArticleEnriched;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Groups articles about the same event into a story: an article joins the story of an indexed (or earlier in the
 * batch) article whose fingerprint is within {@value Fingerprints#MAX_DISTANCE} bits of its own and whose words
 * overlap enough to confirm it; otherwise it starts a story of its own, named by its id. One search per batch.
 */
@Component
class StoryAssigner {

    /** Jaccard similarity of the word sets of title and text that confirms a fingerprint match. */
    static final double MIN_SIMILARITY = 0.3;

    private static final int WORDS_FROM_TEXT = 2_000;

    private static final int RECENT = 10_000;

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    // Articles this instance indexed lately: a search sees them only after the next refresh, and the articles of
    // one story often arrive within a second of each other.
    private final Map<String, Candidate> recent = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Candidate> eldest) {
            return size() > RECENT;
        }
    });

    StoryAssigner(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    List<ArticleIndex.Indexable> assign(List<ArticleEnriched> events) throws IOException {
        return assign(events, index.alias());
    }

    List<ArticleIndex.Indexable> assign(List<ArticleEnriched> events, String target) throws IOException {
        var bands = events.stream()
                .flatMap(event -> Fingerprints.bands(event.enrichment().fingerprint()).stream())
                .distinct()
                .toList();
        var candidates = new ArrayList<Candidate>();
        if (!bands.isEmpty()) {
            var response = client.search(
                    s -> s.index(target)
                            .size(Math.min(1_000, 20 * events.size()))
                            .source(src -> src.filter(f -> f.includes("id", "storyId", "fingerprint", "title", "text")))
                            .query(q -> q.terms(t -> t.field("fingerprintBands")
                                    .terms(v -> v.value(
                                            bands.stream().map(FieldValue::of).toList())))),
                    StoredCandidate.class);
            response.hits().hits().stream()
                    .map(hit -> hit.source())
                    .filter(document -> document != null && document.storyId() != null)
                    .map(document -> new Candidate(
                            document.id(),
                            document.storyId(),
                            document.fingerprint(),
                            words(document.title(), document.text())))
                    .forEach(candidates::add);
        }
        var live = target.equals(index.alias());
        if (live && !bands.isEmpty()) {
            var known = candidates.stream().map(Candidate::id).collect(Collectors.toSet());
            synchronized (recent) {
                recent.values().stream()
                        .filter(c -> !known.contains(c.id())
                                && Fingerprints.bands(c.fingerprint()).stream().anyMatch(bands::contains))
                        .forEach(candidates::add);
            }
        }
        var result = new ArrayList<ArticleIndex.Indexable>(events.size());
        for (var event : events) {
            var fingerprint = event.enrichment().fingerprint();
            var words = words(event.article().title(), event.enrichment().text());
            var story = candidates.stream()
                    .filter(c -> c.id().equals(event.articleId()))
                    .map(Candidate::storyId)
                    .findFirst()
                    .or(() -> candidates.stream()
                            .filter(c -> Fingerprints.near(fingerprint, c.fingerprint())
                                    && similarity(words, c.words()) >= MIN_SIMILARITY)
                            .map(Candidate::storyId)
                            .sorted()
                            .findFirst())
                    .orElse(event.articleId());
            if (Fingerprints.valid(fingerprint)) {
                var candidate = new Candidate(event.articleId(), story, fingerprint, words);
                candidates.add(candidate);
                if (live) {
                    recent.put(event.articleId(), candidate);
                }
            }
            result.add(new ArticleIndex.Indexable(event, ArticleDocument.from(event, story)));
        }
        return result;
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

    /** The fields of an indexed article that a story match needs. */
    record StoredCandidate(String id, String storyId, String fingerprint, String title, String text) {}

    private record Candidate(String id, String storyId, String fingerprint, Set<String> words) {}
}
