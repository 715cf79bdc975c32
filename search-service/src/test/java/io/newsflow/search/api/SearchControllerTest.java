package io.newsflow.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.newsflow.events.Enrichment;
import io.newsflow.search.SearchProperties;
import io.newsflow.search.index.ArticleDocument;
import io.newsflow.search.query.ArticleHit;
import io.newsflow.search.query.ArticleSearch;
import io.newsflow.search.query.SearchCursor;
import io.newsflow.search.query.SearchQuery;
import io.newsflow.search.query.SearchResult;
import io.newsflow.search.query.Sort;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The search HTTP contract on its own: parameters in, query out, problem details for bad input. */
@WebMvcTest(SearchController.class)
// a slice scans no configuration properties; the web configurers of the service need them
@EnableConfigurationProperties(SearchProperties.class)
class SearchControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ArticleSearch search;

    @Test
    void theParametersOfASearchBecomeItsQueryAndTheResultItsAnswer() throws Exception {
        when(search.search(any()))
                .thenReturn(new SearchResult(
                        1,
                        List.of(hit("a1")),
                        Map.of("tags", List.of(new SearchResult.Bucket("ukraine", "ukraine", 1))),
                        List.of(new SearchResult.HistogramBucket("2025-03-01T00:00:00.000Z", 1)),
                        "next-token"));

        get("/api/v1/search?q=ukraine%20-election&tag=ukraine,defence&tag=%20nato%20&person=Keir%20Starmer"
                        + "&from=2025-03-01&to=2025-03-02T12:00:00Z&sort=newest&size=5&page=2&interval=week")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].id").value("a1"))
                .andExpect(jsonPath("$.hits[0].highlights.title[0]").value("<em>Ukraine</em>"))
                .andExpect(jsonPath("$.facets.tags[0].value").value("ukraine"))
                .andExpect(jsonPath("$.histogram[0].count").value(1))
                .andExpect(jsonPath("$.next").value("next-token"));

        var query = query();
        assertThat(query.text()).isEqualTo("ukraine -election");
        assertThat(query.filters())
                .containsOnly(
                        Map.entry(SearchQuery.Filter.TAG, List.of("ukraine", "defence", "nato")),
                        Map.entry(SearchQuery.Filter.PERSON, List.of("Keir Starmer")));
        assertThat(query.from()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2025-03-02T12:00:00Z"));
        assertThat(query.sort()).isEqualTo(Sort.NEWEST);
        assertThat(query.size()).isEqualTo(5);
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.interval()).isEqualTo(SearchQuery.Interval.WEEK);
        assertThat(query.cursor()).isNull();
    }

    @Test
    void aSearchWithoutParametersFindsEveryArticleByRelevanceTwentyAtATime() throws Exception {
        when(search.search(any())).thenReturn(new SearchResult(0, List.of(), Map.of(), List.of(), null));

        get("/api/v1/search")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));

        assertThat(query()).isEqualTo(SearchQuery.of(null));
    }

    @Test
    void aDateAsUpperBoundIncludesThatWholeDay() throws Exception {
        when(search.search(any())).thenReturn(new SearchResult(0, List.of(), Map.of(), List.of(), null));

        get("/api/v1/search?from=2025-03-02T08:00:00Z&to=2025-03-02").andExpect(status().isOk());

        assertThat(query().to()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown parameter | colour=red | colour",
                "bad date | from=yesterday | from",
                "bad instant | to=2025-13-01T00:00:00Z | to",
                "size over the limit | size=1000 | size must be between 1 and 100",
                "size zero | size=0 | size",
                "size not a number | size=ten | size",
                "page zero | page=0 | page",
                "bad sort | sort=oldest | sort",
                "bad interval | interval=year | interval",
                "bad cursor | cursor=not-a-cursor | cursor",
                "page too deep | page=600&size=20 | cursor",
                "from after to | from=2025-03-05&to=2025-03-01 | before",
                "the same day twice | from=2025-03-05T00:00:00Z&to=2025-03-05T00:00:00Z | before",
                "a parameter twice | q=a&q=b | given once",
                "page and cursor | page=2&cursor=WyJuZXdlc3QiLDEsImEiXQ | either page or cursor"
            })
    void badSearchesGetProblemDetailsNamingTheParameter(String description, String query, String detail)
            throws Exception {
        problem("/api/v1/search?" + query, 400, detail);

        verifyNoInteractions(search);
    }

    @Test
    void theCursorOfTheLastPageLeadsToTheNextWithTheSameSort() throws Exception {
        when(search.search(any())).thenReturn(new SearchResult(0, List.of(), Map.of(), List.of(), null));
        var cursor = new SearchCursor(Sort.NEWEST, List.of(FieldValue.of(1_740_816_000_000L), FieldValue.of("a1")));

        get("/api/v1/search?sort=newest&size=2&cursor=" + cursor.encode()).andExpect(status().isOk());

        var query = query();
        assertThat(query.cursor().sort()).isEqualTo(Sort.NEWEST);
        assertThat(query.cursor().after().get(0).longValue()).isEqualTo(1_740_816_000_000L);
        assertThat(query.cursor().after().get(1).stringValue()).isEqualTo("a1");
        assertThat(query.page()).isEqualTo(1);
    }

    @Test
    void aCursorOfAnotherSortIsRefused() throws Exception {
        var cursor = new SearchCursor(Sort.NEWEST, List.of(FieldValue.of(1_740_816_000_000L), FieldValue.of("a1")));

        problem("/api/v1/search?cursor=" + cursor.encode(), 400, "sort");

        verifyNoInteractions(search);
    }

    @Test
    void anArticleIsFoundByIdOrIsAProblem404() throws Exception {
        when(search.find("a1")).thenReturn(Optional.of(hit("a1")));
        when(search.find("nope")).thenReturn(Optional.empty());
        when(search.similar(eq("nope"), anyInt())).thenReturn(Optional.empty());

        get("/api/v1/articles/a1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Title a1"));
        problem("/api/v1/articles/nope", 404, "nope");
        problem("/api/v1/articles/nope/similar", 404, "nope");
    }

    @Test
    void theDetailAndEveryHitCarryWhatADashboardShows() throws Exception {
        when(search.find("a1")).thenReturn(Optional.of(hit("a1")));
        when(search.search(any())).thenReturn(new SearchResult(1, List.of(hit("a1")), Map.of(), List.of(), null));

        for (var prefix : List.of("$", "$.hits[0]")) {
            var path = prefix.equals("$") ? "/api/v1/articles/a1" : "/api/v1/search?q=ukraine";
            get(path)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(prefix + ".revision").value(7))
                    .andExpect(jsonPath(prefix + ".storyId").value("story-a1"))
                    .andExpect(jsonPath(prefix + ".storySize").value(3))
                    .andExpect(jsonPath(prefix + ".authors[0]").value("Jane Doe"))
                    .andExpect(jsonPath(prefix + ".ingestedAt").value("2025-03-01T08:05:00Z"))
                    .andExpect(jsonPath(prefix + ".category").value("world"))
                    .andExpect(jsonPath(prefix + ".categoryConfidence").value(0.82))
                    .andExpect(jsonPath(prefix + ".tags[1]").value("chess olympiad"))
                    .andExpect(jsonPath(prefix + ".publisherTags[0]").value("chess olympiad"))
                    .andExpect(jsonPath(prefix + ".keywords[0].term").value("peacekeeping"))
                    .andExpect(jsonPath(prefix + ".keywords[0].score").value(0.91))
                    .andExpect(jsonPath(prefix + ".mentions.people[0].name").value("Keir Starmer"))
                    .andExpect(jsonPath(prefix + ".mentions.people[0].mentions").value(4))
                    .andExpect(jsonPath(prefix + ".mentions.organizations[0].mentions")
                            .value(2))
                    .andExpect(jsonPath(prefix + ".mentions.places[0].name").value("Kyiv"))
                    .andExpect(jsonPath(prefix + ".readingTimeMinutes").value(1))
                    .andExpect(jsonPath(prefix + ".wordCount").value(120));
        }
    }

    @Test
    void similarArticlesComeTenByDefault() throws Exception {
        when(search.similar("a1", 10)).thenReturn(Optional.of(List.of(hit("a2"))));

        get("/api/v1/articles/a1/similar")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("a1"))
                .andExpect(jsonPath("$.similar[0].id").value("a2"));
        problem("/api/v1/articles/a1/similar?size=ten", 400, "size");
        problem("/api/v1/articles/a1/similar?size=101", 400, "size must be between 1 and 100");
        problem("/api/v1/articles/a1/similar?sise=5", 400, "sise");
    }

    @Test
    void suggestionsNeedAPrefixOfAtMostAHundredCharacters() throws Exception {
        when(search.suggest("ukr", 10)).thenReturn(List.of("Ukraine"));

        get("/api/v1/suggest?prefix=ukr")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[0]").value("Ukraine"));
        problem("/api/v1/suggest", 400, "prefix");
        problem("/api/v1/suggest?prefix=%20", 400, "prefix");
        problem("/api/v1/suggest?prefix=" + "x".repeat(101), 400, "prefix");
    }

    @ParameterizedTest
    @CsvSource({"90m, PT1H30M", "24h, PT24H", "7d, PT168H", "3650d, PT87600H", "PT6H, PT6H"})
    void trendingWindowsAreDurationsLikeTheConfiguration(String window, Duration expected) throws Exception {
        when(search.trending(any(), any(), anyInt())).thenReturn(new ArticleSearch.Trending(null, null, Map.of()));

        get("/api/v1/trending?window=" + window).andExpect(status().isOk());

        verify(search).trending(eq(expected), any(), eq(10));
    }

    @Test
    void trendingLooksAtTheLastDayByDefault() throws Exception {
        when(search.trending(any(), any(), anyInt())).thenReturn(new ArticleSearch.Trending(null, null, Map.of()));

        get("/api/v1/trending").andExpect(status().isOk());

        verify(search).trending(eq(Duration.ofHours(24)), any(), eq(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forever", "0m", "30s", "-5h", "3651d", "24x"})
    void otherWindowsAreProblems(String window) throws Exception {
        problem("/api/v1/trending?window=" + window, 400, "window");
        problem("/api/v1/stories?window=" + window, 400, "window");

        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30s", "3651d"})
    void aWindowOutOfRangeIsOneProblemNamingBothBounds(String window) throws Exception {
        for (var path : List.of("/api/v1/trending", "/api/v1/stories")) {
            get(path + "?window=" + window)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("window must be between 1m and 3650d"))
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].name").value("window"));
        }
    }

    @Test
    void storiesAreThoseOfTheLastThreeDaysWithTwoArticlesOrMore() throws Exception {
        when(search.stories(any(), anyInt(), anyInt())).thenReturn(List.of());

        get("/api/v1/stories")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stories").isArray());

        verify(search).stories(any(), eq(20), eq(2));
        problem("/api/v1/stories?minArticles=0", 400, "minArticles");
        problem("/api/v1/stories?minArticles=two", 400, "minArticles");
        verify(search, never()).stories(any(), anyInt(), eq(0));
    }

    @Test
    void aBadRequestNamesEachInvalidParameterInErrors() throws Exception {
        get("/api/v1/search?size=0")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.name == 'size')].message", hasItem(containsString("size"))));
        get("/api/v1/search?sort=oldest")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.name == 'sort')].message", hasItem(containsString("relevance"))));
        get("/api/v1/search?from=2025-03-02&to=2025-03-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.message == 'from must be before to')]")
                        .isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.message == 'from must be before to')].name")
                        .doesNotExist());
        get("/api/v1/suggest?prefix=%20")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].name").value("prefix"));
    }

    @Test
    void elasticsearchOutOfReachIsAServiceUnavailableProblem() throws Exception {
        when(search.search(any())).thenThrow(new UncheckedIOException(new ConnectException("Connection refused")));

        problem("/api/v1/search?q=ukraine", 503, "cannot be reached");
    }

    private ResultActions get(String uri) throws Exception {
        // a URI, not a template: the tests encode their query strings themselves
        return mvc.perform(MockMvcRequestBuilders.get(URI.create(uri)));
    }

    private void problem(String uri, int status, String detail) throws Exception {
        get(uri).andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    private SearchQuery query() {
        var captor = ArgumentCaptor.forClass(SearchQuery.class);
        verify(search).search(captor.capture());
        return captor.getValue();
    }

    private static ArticleHit hit(String id) {
        return new ArticleHit(
                id,
                7,
                "story-" + id,
                3,
                "Title " + id,
                "https://news.example.com/" + id,
                "Example News",
                List.of("Jane Doe"),
                Instant.parse("2025-03-01T08:00:00Z"),
                Instant.parse("2025-03-01T08:05:00Z"),
                "en",
                "world",
                0.82,
                "medtop:16000000",
                "conflict, war and peace",
                List.of("ukraine", "chess olympiad"),
                List.of("chess olympiad"),
                List.of("Keir Starmer"),
                List.of("NATO"),
                List.of("Kyiv"),
                new ArticleDocument.Mentions(
                        List.of(new Enrichment.Entity("Keir Starmer", 4)),
                        List.of(new Enrichment.Entity("NATO", 2)),
                        List.of(new Enrichment.Entity("Kyiv", 1))),
                List.of(new Enrichment.Keyword("peacekeeping", 0.91)),
                "Lede.",
                "Summary.",
                120,
                1,
                1.5,
                Map.of("title", List.of("<em>Ukraine</em>")));
    }
}
