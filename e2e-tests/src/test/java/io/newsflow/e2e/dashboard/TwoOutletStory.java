package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

/**
 * One story told by two outlets: the second repeats the first's report an hour later and adds a closing sentence.
 * The search service groups articles whose SimHash fingerprints are within 3 bits; the enrich service's SimHash moves
 * a few bits with each new three-word shingle of content words, so the added sentence is one of stopwords only (it
 * adds no shingle), which keeps the two in one story whatever the hash of the run's unique word. That word stands in
 * every sentence, so that the stories posted by other tests of the run (the same text with another word) lie many
 * bits away: with the word in one place only, a later pair now and then joined an earlier pair's story. The second
 * is posted once the first is searchable: posted together, the two may be indexed at the same moment by two consumer
 * threads, neither of which sees the other yet, and then start two stories.
 *
 * @param word the word unique to these two articles
 */
record TwoOutletStory(String word) {

    static final String FIRST_SOURCE = "Baltic Wire";
    static final String SECOND_SOURCE = "Coastal Times";

    static TwoOutletStory post(DashboardStack stack) {
        var word = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var title = "Gdansk channel dredging runs two months late " + word;
        var text = ("The harbour master of Gdansk said on Friday that the %1$s dredging of the northern channel will"
                        + " finish in June, two months late, because storms in January and February stopped the %1$s"
                        + " dredgers for weeks. Ferries to Karlskrona will keep using the southern %1$s channel until"
                        + " then, and the port expects no delays for %1$s container traffic. The %1$s project costs 40"
                        + " million euros.")
                .formatted(word);
        var first = DashboardStack.article(title, text, FIRST_SOURCE, "https://baltic.example/" + word);
        first.put("publishedAt", Instant.now().minusSeconds(7_200).toString());
        first.put("language", "en");
        stack.post(first);
        stack.awaitSearchable(word, 1);
        var second = DashboardStack.article(
                title, text + " And that was all.", SECOND_SOURCE, "https://coastal.example/" + word);
        second.put("publishedAt", Instant.now().minusSeconds(3_600).toString());
        second.put("language", "en");
        stack.post(second);
        stack.awaitSearchable(word, 2);
        await().atMost(Browser.PATIENCE).untilAsserted(() -> {
            var hits = stack.search("q=" + word).path("hits");
            assertThat(hits.findValuesAsString("storyId"))
                    .as("both articles in one story (search API)")
                    .hasSize(2)
                    .containsOnly(hits.get(0).path("storyId").asString());
        });
        return new TwoOutletStory(word);
    }
}
