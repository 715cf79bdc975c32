package io.newsflow.search.stories;

import io.newsflow.events.ArticleEnriched;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups articles about the same event into a story: an article joins the story of a stored (or earlier in the
 * batch) article whose fingerprint is within {@value Fingerprints#MAX_DISTANCE} bits of its own and whose words
 * overlap enough to confirm it; otherwise it starts a story of its own, named by its id. An article keeps the story
 * it has. Per batch: one look-up of the stored articles sharing a fingerprint band with the batch, and one of the
 * words of the few that are near (see {@link StoredArticles}).
 */
public class StoryAssigner {

    /** Jaccard similarity of the word sets of title and text that confirms a fingerprint match. */
    static final double MIN_SIMILARITY = 0.3;

    /** How far apart in publication time two articles of one story may be. */
    static final Duration STORY_SPAN = Duration.ofDays(3);

    private static final int WORDS_FROM_TEXT = 2_000;
    private static final int RECENT = 5_000;

    private final StoredArticles live;

    // Articles this instance indexed lately: a search sees them only after the next refresh, and the articles of
    // one story often arrive within a second of each other.
    private final Candidates recent = new Candidates(RECENT);

    /** @param live the articles searches see, where live indexing writes */
    public StoryAssigner(StoredArticles live) {
        this.live = live;
    }

    /** The story of each article of a batch indexed live, by article id. */
    public Map<String, String> assign(List<ArticleEnriched> events) throws IOException {
        return assign(events, live, Map.of(), true);
    }

    /**
     * The stories of a batch written to an index being rebuilt, by article id.
     *
     * @param known the story each article already has (a rebuild keeps the stories of the old index, whatever order
     *     the replay meets the articles in)
     */
    public Map<String, String> assign(List<ArticleEnriched> events, StoredArticles target, Map<String, String> known)
            throws IOException {
        return assign(events, target, known, false);
    }

    private Map<String, String> assign(
            List<ArticleEnriched> events, StoredArticles target, Map<String, String> known, boolean isLive)
            throws IOException {
        var bands = events.stream()
                .flatMap(event -> Fingerprints.bands(event.enrichment().fingerprint()).stream())
                .collect(Collectors.toSet());
        var candidates = new Candidates(Integer.MAX_VALUE);
        if (!bands.isEmpty()) {
            var published = events.stream()
                    .map(e -> e.article().publishedAt() != null ? e.article().publishedAt() : e.occurredAt())
                    .filter(Objects::nonNull)
                    .sorted()
                    .toList();
            for (var stored : target.sharingABand(
                    bands,
                    published.getFirst().minus(STORY_SPAN),
                    published.getLast().plus(STORY_SPAN))) {
                if (stored.storyId() != null && Fingerprints.valid(stored.fingerprint())) {
                    candidates.put(Candidate.of(stored.id(), stored.storyId(), stored.fingerprint(), null));
                }
            }
            if (isLive) {
                recent.sharingABand(bands).forEach(candidates::putIfAbsent);
            }
            loadWords(target, events, candidates);
        }
        var stories = new HashMap<String, String>();
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
                if (isLive) {
                    recent.put(candidate);
                }
            }
            stories.put(event.articleId(), story);
        }
        return stories;
    }

    /** Fetches the words of the candidates near an article of the batch: usually none or a few. */
    private static void loadWords(StoredArticles target, List<ArticleEnriched> events, Candidates candidates)
            throws IOException {
        var ids = new HashSet<String>();
        for (var event : events) {
            var fingerprint = event.enrichment().fingerprint();
            if (Fingerprints.valid(fingerprint)) {
                candidates.near(Long.parseUnsignedLong(fingerprint, 16), Fingerprints.bands(fingerprint)).stream()
                        .filter(c -> c.words() == null)
                        .forEach(c -> ids.add(c.id()));
            }
        }
        if (!ids.isEmpty()) {
            target.texts(ids).forEach((id, stored) -> candidates.withWords(id, words(stored.title(), stored.text())));
        }
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
}
