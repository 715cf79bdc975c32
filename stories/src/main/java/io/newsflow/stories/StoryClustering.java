package io.newsflow.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online story clustering: each article, in the order given, joins the story it fits best (see {@link StorySimilarity})
 * or starts one named by its id. Stories are compared only with articles that share a term or an entity with them
 * (an inverted index), which is also what a look-up of candidate stories in an index does. Articles can be forgotten
 * again ({@link #forget}): a story is then what its remaining articles make of it, and goes when none is left, so that
 * one clustering can follow a moving window of recent articles. Deterministic: the same stories and articles in the
 * same order give the same assignments; ties go to the older story. Not thread-safe.
 */
public final class StoryClustering {

    private final StorySimilarity similarity;

    // Stories live in slots; the inverted index and the scratch arrays of a look-up refer to them by slot, so that
    // scoring the candidates of an article touches primitive arrays instead of a map entry per story and feature.
    private final List<StoryProfile> profiles = new ArrayList<>();
    private final List<List<ArticleFeatures>> members = new ArrayList<>();
    private final Map<String, Integer> slotByStory = new HashMap<>();
    private final Map<String, Integer> slotByArticle = new HashMap<>();
    private int[] freeSlots = new int[8];
    private int free;
    // every feature of a story's articles, terms and entities alike: a story is a candidate for an article through
    // any of them, even a term its profile has since cut
    private final Map<String, Postings> postings = new HashMap<>();
    // per slot, how many of the story's articles have each feature: the story leaves a feature's postings when the
    // last of them is forgotten, without going through the articles left
    private final List<Map<String, Integer>> featureCounts = new ArrayList<>();

    // scratch of one look-up, by slot
    private double[] termDots = new double[16];
    private double[] entityDots = new double[16];
    private int[] stamps = new int[16];
    private int[] touched = new int[16];
    private int stamp;

    public StoryClustering(StorySimilarity similarity) {
        this.similarity = similarity;
    }

    /**
     * Adds an article that is in a story already (a stored one, or one whose story is known); an article the
     * clustering holds moves to that story.
     */
    public void seed(String storyId, ArticleFeatures article) {
        if (slotByArticle.containsKey(article.id())) {
            forget(article.id());
        }
        var slot = slotByStory.get(storyId);
        if (slot == null) {
            slot = open(storyId);
        }
        profiles.get(slot).add(article);
        members.get(slot).add(article);
        index(slot, article);
        slotByArticle.put(article.id(), slot);
    }

    /**
     * Takes the article out of its story: its weights are taken out of the story's (see {@link StoryProfile#remove}),
     * and the story is gone when no article is left.
     *
     * @return whether the clustering held the article
     */
    public boolean forget(String articleId) {
        var slot = slotByArticle.remove(articleId);
        if (slot == null) {
            return false;
        }
        var remaining = members.get(slot);
        ArticleFeatures gone = null;
        for (int i = 0; i < remaining.size(); i++) {
            if (remaining.get(i).id().equals(articleId)) {
                gone = remaining.remove(i);
                break;
            }
        }
        unindex(slot, gone);
        if (remaining.isEmpty()) {
            close(slot);
        } else {
            profiles.get(slot).remove(gone, remaining);
        }
        return true;
    }

    /** Moves every article of story {@code from} into story {@code into}, which keeps its id. */
    public void merge(String from, String into) {
        var slot = slotByStory.get(from);
        if (slot == null || from.equals(into)) {
            return;
        }
        for (var article : List.copyOf(members.get(slot))) {
            seed(into, article);
        }
    }

    public Optional<String> storyOf(String articleId) {
        var slot = slotByArticle.get(articleId);
        return slot == null ? Optional.empty() : Optional.of(profiles.get(slot).id());
    }

    public Optional<StoryProfile> story(String storyId) {
        var slot = slotByStory.get(storyId);
        return slot == null ? Optional.empty() : Optional.of(profiles.get(slot));
    }

    /** The stories, in no particular order. */
    public Collection<StoryProfile> stories() {
        return profiles.stream().filter(story -> story != null).toList();
    }

    /** How many articles the clustering holds. */
    public int size() {
        return slotByArticle.size();
    }

    /**
     * Puts the article in its best story, or in a new one named by its id; an article met before keeps its story.
     */
    public Assignment assign(ArticleFeatures article) {
        var known = slotByArticle.get(article.id());
        if (known != null) {
            return new Assignment(profiles.get(known).id(), false, List.of());
        }
        var matching = matching(article);
        if (matching.isEmpty()) {
            seed(article.id(), article);
            return new Assignment(article.id(), true, List.of());
        }
        var best = matching.getFirst();
        seed(best.id(), article);
        var others = matching.subList(1, matching.size()).stream()
                .map(StoryProfile::id)
                .toList();
        return new Assignment(best.id(), false, others);
    }

    /** The stories the article would join, best first (ties: the older first); each shares a term with it. */
    public List<StoryProfile> matching(ArticleFeatures article) {
        // The dot products summed over the inverted index: only the features a story shares with the article are
        // looked at, not every feature of every story that shares one.
        var current = ++stamp;
        if (current == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = current = 1;
        }
        int candidates = accumulate(article.terms(), false, current, 0);
        candidates = accumulate(article.entities(), true, current, candidates);
        List<Scored> scored = null;
        for (int i = 0; i < candidates; i++) {
            var slot = touched[i];
            var story = profiles.get(slot);
            // No word in common, no join: a name or a place alone (a short brief from a city the story also names)
            // would carry the entity half of the score over the threshold by itself.
            if (termDots[slot] <= 0 || !similarity.withinWindow(article, story)) {
                continue;
            }
            var score = similarity.score(article, story, termDots[slot], entityDots[slot]);
            if (score >= similarity.threshold(article)) {
                if (scored == null) {
                    scored = new ArrayList<>();
                }
                scored.add(new Scored(story, score));
            }
        }
        if (scored == null) {
            return List.of();
        }
        scored.sort((a, b) -> a.score() != b.score()
                ? Double.compare(b.score(), a.score())
                : a.story().olderThan(b.story()) ? -1 : 1);
        return scored.stream().map(Scored::story).toList();
    }

    /**
     * Adds the article's term (or entity) weights times each sharing story's to that story's dot product, and answers
     * how many stories have been touched so far. One loop for both kinds, on the hot path of every article.
     */
    private int accumulate(Map<String, Double> features, boolean entities, int current, int candidates) {
        for (var feature : features.entrySet()) {
            var cells = postings.get(feature.getKey());
            if (cells == null) {
                continue;
            }
            var weight = feature.getValue();
            for (int i = 0; i < cells.size; i++) {
                var slot = cells.slots[i];
                if (stamps[slot] != current) {
                    stamps[slot] = current;
                    termDots[slot] = 0;
                    entityDots[slot] = 0;
                    touched[candidates++] = slot;
                }
                var profile = profiles.get(slot);
                if (entities) {
                    entityDots[slot] += weight * profile.entityWeight(feature.getKey());
                } else {
                    termDots[slot] += weight * profile.termWeight(feature.getKey());
                }
            }
        }
        return candidates;
    }

    private int open(String storyId) {
        int slot;
        if (free > 0) {
            slot = freeSlots[--free];
            profiles.set(slot, new StoryProfile(storyId));
            members.set(slot, new ArrayList<>(2));
            featureCounts.set(slot, new HashMap<>());
        } else {
            slot = profiles.size();
            profiles.add(new StoryProfile(storyId));
            members.add(new ArrayList<>(2));
            featureCounts.add(new HashMap<>());
            if (slot >= stamps.length) {
                var length = stamps.length * 2;
                termDots = Arrays.copyOf(termDots, length);
                entityDots = Arrays.copyOf(entityDots, length);
                stamps = Arrays.copyOf(stamps, length);
                touched = Arrays.copyOf(touched, length);
            }
        }
        slotByStory.put(storyId, slot);
        return slot;
    }

    private void close(int slot) {
        slotByStory.remove(profiles.get(slot).id());
        profiles.set(slot, null);
        members.set(slot, null);
        featureCounts.set(slot, null);
        if (free == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, free * 2);
        }
        freeSlots[free++] = slot;
    }

    private void index(int slot, ArticleFeatures article) {
        var counts = featureCounts.get(slot);
        for (var feature : features(article)) {
            if (counts.merge(feature, 1, Integer::sum) == 1) {
                postings.computeIfAbsent(feature, key -> new Postings()).add(slot);
            }
        }
    }

    /** Takes the slot out of the postings of the gone article's features that no article left in it has. */
    private void unindex(int slot, ArticleFeatures gone) {
        var counts = featureCounts.get(slot);
        for (var feature : features(gone)) {
            if (counts.merge(feature, -1, Integer::sum) == 0) {
                counts.remove(feature);
                var cells = postings.get(feature);
                if (cells != null && cells.remove(slot) && cells.size == 0) {
                    postings.remove(feature);
                }
            }
        }
    }

    private static List<String> features(ArticleFeatures article) {
        var features = new ArrayList<String>(
                article.terms().size() + article.entities().size());
        features.addAll(article.terms().keySet());
        features.addAll(article.entities().keySet());
        return features;
    }

    /**
     * @param started whether the article started a story of its own
     * @param alsoMatching other stories the article fits above the threshold: candidates for a merge
     */
    public record Assignment(String storyId, boolean started, List<String> alsoMatching) {}

    private record Scored(StoryProfile story, double score) {}

    /** The slots of the stories that have a feature, ascending, each once. */
    private static final class Postings {

        private int[] slots = new int[2];
        private int size;

        void add(int slot) {
            var at = Arrays.binarySearch(slots, 0, size, slot);
            if (at >= 0) {
                return;
            }
            at = -at - 1;
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            System.arraycopy(slots, at, slots, at + 1, size - at);
            slots[at] = slot;
            size++;
        }

        boolean remove(int slot) {
            var at = Arrays.binarySearch(slots, 0, size, slot);
            if (at < 0) {
                return false;
            }
            System.arraycopy(slots, at + 1, slots, at, size - at - 1);
            size--;
            return true;
        }
    }
}
