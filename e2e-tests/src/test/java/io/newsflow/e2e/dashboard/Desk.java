package io.newsflow.e2e.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Eight articles on different subjects from three outlets, published four days apart, all carrying one word unique to
 * the test: a search for the word finds exactly these, and their facets count only them. The dashboard collapses a
 * story to one result and these tests count results, so no two may form one story: they are published beyond the
 * story window (3 days) of each other and share nothing but the word. With a shared sentence ("Reporters following
 * the word said more details would follow") and the title word "outside", the harbour fog and the farmers' protest
 * formed one story in every run of {@code AccessibilityTest} alone, two or four days apart.
 *
 * @param word the word all eight carry and no other article does
 * @param ids the ids ingest gave them, in the order of {@link #SUBJECTS}
 * @param published when each was published, in the same order
 */
record Desk(String word, List<String> ids, List<Instant> published) {

    static final String GAZETTE = "Harbour Gazette";
    static final String COURIER = "Valley Courier";
    static final String LEDGER = "Metro Ledger";
    static final int SIZE = 8;
    /** How many of the eight the {@link #GAZETTE} published. */
    static final int BY_GAZETTE = 3;

    private static final List<String> SOURCES =
            List.of(GAZETTE, COURIER, LEDGER, GAZETTE, COURIER, LEDGER, GAZETTE, COURIER);

    private static final List<String> SUBJECTS = List.of(
            "Dock workers in Rotterdam agreed a new contract after a week of talks with the port authority.",
            "A late frost damaged apricot orchards across the valley, and growers expect a smaller harvest.",
            "The city council approved a budget that doubles spending on bicycle lanes over five years.",
            "Container ships queued off the harbour as fog closed the channel for most of Tuesday.",
            "Farmers protested outside parliament against cuts to irrigation subsidies announced in March.",
            "Commuters faced delays after a signal failure stopped trains at the central station for hours.",
            "Archaeologists found a medieval shipwreck while dredging the old quay for new moorings.",
            "The regional hospital opened a children's ward funded by donations from local businesses.");

    static Desk post(DashboardStack stack) {
        var word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var today = LocalDate.now(ZoneOffset.UTC);
        var ids = new ArrayList<String>();
        var published = new ArrayList<Instant>();
        for (int i = 0; i < SIZE; i++) {
            var at = today.minusDays(4L * i + 1).atTime(12, 0).toInstant(ZoneOffset.UTC);
            var subject = SUBJECTS.get(i);
            var article = DashboardStack.article(
                    subject.substring(0, subject.indexOf(' ', 40)) + " " + word,
                    subject + " " + word + ". " + subject,
                    SOURCES.get(i),
                    "https://news.example.org/" + word + "/" + i);
            article.put("publishedAt", at.toString());
            article.put("language", "en");
            article.put("tags", List.of(SOURCES.get(i).equals(GAZETTE) ? "docks" : "region"));
            ids.add(stack.post(article));
            published.add(at);
        }
        stack.awaitSearchable(word, SIZE);
        return new Desk(word, List.copyOf(ids), List.copyOf(published));
    }

    String source(int index) {
        return SOURCES.get(index);
    }

    Map<String, String> titleById(DashboardStack stack) {
        var titles = new java.util.HashMap<String, String>();
        stack.search("size=" + SIZE + "&q=" + word)
                .path("hits")
                .forEach(hit ->
                        titles.put(hit.path("id").asString(), hit.path("title").asString()));
        return titles;
    }
}
