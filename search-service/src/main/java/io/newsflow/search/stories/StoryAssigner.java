package io.newsflow.search.stories;

import io.newsflow.events.ArticleEnriched;
import io.newsflow.events.Enrichment;
import io.newsflow.stories.ArticleFeatures;
import io.newsflow.stories.StoryClustering;
import io.newsflow.stories.StorySimilarity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts each article into the story of its event (see {@link StoryClustering} for the representation and the
 * similarity): per batch, one look-up of the stored articles most like each of its articles (see
 * {@link StoredArticles#like}), whose stories become the candidates, then the batch in order, so that its later
 * articles may join the stories its earlier ones started. An article keeps the story it has. Stories started here
 * are checked again once the index shows what other consumers wrote meanwhile (see {@link StoryMerger}): two
 * instances that started one event's story at the same moment end with the older id.
 */
public class StoryAssigner {

    private static final int RECENT = 5_000;

    private final StoredArticles live;
    private final StorySimilarity similarity;
    private final StoryMerger merger;

    // Articles this instance indexed lately: a search sees them only after the next refresh, and the articles of
    // one story often arrive within a second of each other.
    private final RecentArticles recent = new RecentArticles(RECENT);

    /**
     * @param live the articles searches see, where live indexing writes
     * @param merger checks the stories started live again later
     */
    public StoryAssigner(StoredArticles live, StorySimilarity similarity, StoryMerger merger) {
        this.live = live;
        this.similarity = similarity;
        this.merger = merger;
        merger.onMerge(recent::merged);
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
        var features = events.stream().map(ArticleFeatures::of).toList();
        var probes = new ArrayList<StoredArticles.Probe>();
        for (int i = 0; i < events.size(); i++) {
            if (!known.containsKey(events.get(i).articleId())) {
                probes.add(probe(events.get(i), features.get(i), similarity));
            }
        }
        var clustering = new StoryClustering(similarity);
        var seeded = new HashSet<String>();
        var stored = probes.isEmpty() ? List.<List<StoredArticles.StoredArticle>>of() : target.like(probes);
        var pointers = Pointers.resolve(
                target,
                stored.stream()
                        .flatMap(List::stream)
                        .map(StoredArticles.StoredArticle::storyId)
                        .filter(id -> id != null)
                        .toList());
        stored.stream().flatMap(List::stream).forEach(article -> {
            if (article.storyId() != null && seeded.add(article.features().id())) {
                clustering.seed(pointers.getOrDefault(article.storyId(), article.storyId()), article.features());
            }
        });
        if (isLive) {
            for (var article : recent.sharingAFeature(features)) {
                if (seeded.add(article.features().id())) {
                    clustering.seed(article.storyId(), article.features());
                }
            }
        }
        var stories = new HashMap<String, String>();
        var started = new ArrayList<ArticleEnriched>();
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            var article = features.get(i);
            String story;
            if (known.containsKey(event.articleId())) {
                story = known.get(event.articleId());
                clustering.seed(story, article);
            } else {
                var assignment = clustering.assign(article);
                story = assignment.storyId();
                if (assignment.started()) {
                    started.add(event);
                }
            }
            if (isLive) {
                recent.put(article, story);
            }
            stories.put(event.articleId(), story);
        }
        if (isLive && !started.isEmpty()) {
            merger.checkLater(started);
        }
        return stories;
    }

    static StoredArticles.Probe probe(ArticleEnriched event, ArticleFeatures features, StorySimilarity similarity) {
        var enrichment = event.enrichment();
        var time = features.time();
        return new StoredArticles.Probe(
                event.articleId(),
                event.article().title(),
                enrichment.keywords().stream().map(Enrichment.Keyword::term).toList(),
                Stream.of(enrichment.people(), enrichment.organizations(), enrichment.places())
                        .flatMap(List::stream)
                        .map(Enrichment.Entity::name)
                        .toList(),
                time.minus(similarity.window()),
                time.plus(similarity.window()));
    }
}
