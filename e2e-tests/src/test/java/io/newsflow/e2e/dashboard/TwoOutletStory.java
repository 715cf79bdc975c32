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
 * each other), so each story posted in a run is about another event (another port, other people, another cause): the
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
    private static final List<String[]> EVENTS = List.of(
            new String[] {
                "Gdansk channel dredging runs two months late",
                "The harbour master of Gdansk, Piotr Nowak, said on Friday that the dredging of the northern channel"
                        + " will finish in June, two months late, because storms in January stopped the dredgers."
                        + " Ferries to Karlskrona will keep using the southern channel until then."
            },
            new String[] {
                "Rotterdam crane strike halts container terminal",
                "Crane operators at the Maasvlakte terminal in Rotterdam walked out on Tuesday over night shifts,"
                        + " the union FNV said, and container ships from Shanghai queued at anchor. Terminal manager"
                        + " Anke de Vries expects talks to resume on Thursday."
            },
            new String[] {
                "Lisbon ferry collides with fishing boat in fog",
                "A commuter ferry of Transtejo collided with a fishing boat in thick fog on the Tagus near Lisbon on"
                        + " Monday; two fishermen were rescued, the maritime police said. Captain Rui Costa said the"
                        + " radar had failed minutes before."
            },
            new String[] {
                "Hamburg port opens hydrogen fuel depot",
                "Hamburg Port Authority opened a hydrogen depot at Steinwerder on Wednesday for tugboats and trucks,"
                        + " senator Melanie Leonhard said. The depot, built with Shell, stores forty tonnes and"
                        + " serves twelve vessels."
            },
            new String[] {
                "Antwerp customs seize record cocaine haul",
                "Belgian customs in Antwerp found eight tonnes of cocaine in banana containers from Ecuador, prosecutor"
                        + " Franky De Keyzer said on Sunday, the largest seizure in the port's history. Three dock"
                        + " workers were arrested."
            },
            new String[] {
                "Genoa bridge inspection closes coastal highway",
                "Engineers of Autostrade closed the A10 highway near Genoa for a night inspection of the Polcevera"
                        + " viaduct, mayor Marco Bucci said, and lorries to the port of Genoa were sent through the"
                        + " city instead."
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
