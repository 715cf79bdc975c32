package io.newsflow.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One story told by two outlets: the second repeats the first's report an hour later and adds a closing sentence.
 * The search service groups articles about one event (their keywords, entities and titles, published within days of
 * each other), so each story posted in a run is about another event (another place, other people, another field): the
 * same event posted twice in one run would be one story of four articles. The run's unique word stands in the title
 * and the text, to find the two. The second is posted once the first is searchable, so that it meets the first as a
 * stored article.
 *
 * @param word the word unique to these two articles
 */
record TwoOutletStory(String word) {

    static final String FIRST_SOURCE = "Baltic Wire";
    static final String SECOND_SOURCE = "Coastal Times";

    private static final AtomicInteger POSTED = new AtomicInteger();
    // Far from the desk's harbour, farm and council news (Desk), which shares the stack: an event that shares its
    // words and places with those would rightly draw them into its story.
    private static final List<String[]> EVENTS = List.of(
            new String[] {
                "Grandmaster Ilse Varga wins Tartu chess open",
                "Hungarian grandmaster Ilse Varga won the Tartu chess open on Sunday with a final-round victory over"
                        + " Magnus Tiik, the Estonian Chess Federation said. Varga scored eight points from nine games."
            },
            new String[] {
                "Thieves take Faberge egg from Zurich museum",
                "Two thieves took a Faberge egg from the Rietberg Museum in Zurich overnight, Zurich cantonal police"
                        + " said on Thursday. Curator Beatrice Laube said the alarm had been switched off for repairs."
            },
            new String[] {
                "Kenyan runner Amos Kiptoo breaks Berlin marathon record",
                "Amos Kiptoo of Kenya won the Berlin marathon in two hours and one minute on Sunday, a course record,"
                        + " organisers SCC Events said. Ethiopian Tadesse Bekele finished second."
            },
            new String[] {
                "Arianespace launches Sentinel satellite from Kourou",
                "An Ariane 6 rocket of Arianespace lifted off from Kourou in French Guiana on Tuesday carrying the"
                        + " Sentinel-7 satellite, the European Space Agency said. Mission director Claire Duval"
                        + " confirmed the orbit an hour later."
            },
            new String[] {
                "Pharmaceutical firm Norvex halts malaria vaccine trial",
                "Norvex Biologics stopped its malaria vaccine trial in Malawi after side effects in twelve volunteers,"
                        + " chief medical officer Hannah Oyelaran said on Wednesday. The World Health Organization was"
                        + " informed."
            },
            new String[] {
                "Wildfire near Canberra forces evacuation of Tharwa",
                "A bushfire in the Namadgi National Park near Canberra forced the evacuation of Tharwa on Saturday,"
                        + " the ACT Emergency Services Agency said. Commissioner Georgeina Whelan said water bombers"
                        + " were on the way."
            });

    static TwoOutletStory post(DashboardStack stack) {
        var word = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var event = EVENTS.get(POSTED.getAndIncrement() % EVENTS.size());
        var title = event[0] + " " + word;
        var text = event[1] + " Reported by " + word + ".";
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
