package io.newsflow.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.agency.AgencyItems;
import io.newsflow.ingest.fetch.FetchRequests;
import io.newsflow.ingest.fetch.WebPages;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import io.newsflow.ingest.intake.IngestMetrics;
import io.newsflow.ingest.intake.IngestResult;
import io.newsflow.ingest.intake.IngestResult.Outcome;
import io.newsflow.ingest.publishing.PublishFailedException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP contract of the push API, with small limits (2 KB per article, 8 KB per request, 3 items per batch) so that
 * every limit is cheap to cross.
 */
@WebMvcTest(
        controllers = ArticleController.class,
        properties = {
            "newsflow.ingest.limits.max-article-size=2KB",
            "newsflow.ingest.limits.max-request-size=8KB",
            "newsflow.ingest.limits.max-batch-items=3"
        })
@Import({BatchReader.class, IngestMetrics.class, AgencyItems.class, WebPages.class, ArticleControllerTest.Metrics.class
})
class ArticleControllerTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Metrics {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @MockitoBean
    ArticleIntake intake;

    @MockitoBean
    FetchRequests fetchRequests;

    @Test
    void acceptsAnArticleWithItsId() throws Exception {
        given(intake.submit(any(), any())).willReturn(new IngestResult(ID, 1, Outcome.ACCEPTED));

        mvc.perform(
                        post("/api/v1/articles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"title": "Europe advances plans", "body": "European allies of Kyiv...",
                                 "source": {"name": "RksNews"}, "publishedAt": "2025-03-01T08:00:00Z"}
                                """))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.outcome").value("accepted"));
    }

    @Test
    void answersDuplicatesAndUpdatesWithTheirRevision() throws Exception {
        given(intake.submit(any(), any()))
                .willReturn(new IngestResult(ID, 2, Outcome.DUPLICATE), new IngestResult(ID, 3, Outcome.UPDATED));

        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(article("t")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.outcome").value("duplicate"));
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(article("t")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.revision").value(3))
                .andExpect(jsonPath("$.outcome").value("updated"));
    }

    @Test
    void refusesAnArticleWithoutTitleNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"text\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/invalid-article"))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        then(intake).should(never()).submit(any(), any());
        assertThat(meters.counter(IngestMetrics.ARTICLES, "outcome", "rejected", "reason", "invalid")
                        .count())
                .isPositive();
    }

    @Test
    void refusesAnArticleWithNeitherBodyNorUrl() throws Exception {
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Only a title\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("an article needs a body or a url"));
    }

    @Test
    void refusesAFieldOfTheWrongTypeNamingIt() throws Exception {
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("publishedAt"));
        then(intake).should(never()).submit(any(), any());
    }

    @Test
    void refusesMalformedJsonSayingWhere() throws Exception {
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \n  ]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/malformed-json"))
                .andExpect(jsonPath("$.line").value(2))
                .andExpect(jsonPath("$.column").value(3));
    }

    @Test
    void refusesOtherMediaTypes() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.TEXT_PLAIN).content("title"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_XML)
                        .content("<a/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAnArticleOverTheSizeLimit() throws Exception {
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(article("x".repeat(2_100))))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/content-too-large"))
                .andExpect(jsonPath("$.limit").value(2048));
        then(intake).should(never()).submit(any(), any());
    }

    @Test
    void saysServiceUnavailableWhenKafkaDoesNotAcknowledge() throws Exception {
        given(intake.submit(any(), any()))
                .willThrow(new PublishFailedException("a1", new TimeoutException("no acknowledgement")));

        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"body\": \"b\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Article not accepted"));
    }

    @Test
    void submitsTheValidItemsOfAJsonBatchAndRejectsTheOthersByName() throws Exception {
        given(intake.submitAll(anyList()))
                .willReturn(List.of(
                        new IngestResult("a".repeat(32), 1, Outcome.ACCEPTED),
                        new IngestResult("b".repeat(32), 4, Outcome.DUPLICATE)));

        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + article("first") + ", {\"body\": \"no title\"}, " + article("third") + "]"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicate").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].index").value(0))
                .andExpect(jsonPath("$.results[0].id").value("a".repeat(32)))
                .andExpect(jsonPath("$.results[0].outcome").value("accepted"))
                .andExpect(jsonPath("$.results[1].index").value(1))
                .andExpect(jsonPath("$.results[1].outcome").value("rejected"))
                .andExpect(jsonPath("$.results[1].reason").value("invalid"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("title"))
                .andExpect(jsonPath("$.results[2].outcome").value("duplicate"))
                .andExpect(jsonPath("$.results[2].revision").value(4));
        assertThat(submittedTitles()).containsExactly("first", "third");
    }

    @Test
    void submitsAnNdjsonBatchAndNamesTheLineOfEveryItem() throws Exception {
        given(intake.submitAll(anyList())).willReturn(List.of(new IngestResult(ID, 1, Outcome.ACCEPTED)));

        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(NDJSON)
                        .content(article("first") + "\n\n{\"title\": \"t\", \"body\": \"b\", \"authors\": 7}\r\n"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[0].line").value(1))
                .andExpect(jsonPath("$.results[0].outcome").value("accepted"))
                .andExpect(jsonPath("$.results[1].index").value(1))
                .andExpect(jsonPath("$.results[1].line").value(3))
                .andExpect(jsonPath("$.results[1].outcome").value("rejected"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("authors"));
        assertThat(submittedTitles()).containsExactly("first");
    }

    @Test
    void rejectsAnNdjsonLineOfNullAsNoArticle() throws Exception {
        // found by IngestPayloadFuzzTest: a line of `null` read as no submission at all, and its validation answered
        // 500
        given(intake.submitAll(anyList())).willReturn(List.of(new IngestResult(ID, 1, Outcome.ACCEPTED)));

        mvc.perform(post("/api/v1/articles/batch").contentType(NDJSON).content(article("first") + "\nnull\n"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[1].line").value(2))
                .andExpect(jsonPath("$.results[1].outcome").value("rejected"))
                .andExpect(jsonPath("$.results[1].errors[0].message").value("not an object"));
        assertThat(submittedTitles()).containsExactly("first");
    }

    @Test
    void refusesMalformedNdjsonNamingTheLine() throws Exception {
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(NDJSON)
                        .content(article("first") + "\n" + article("second") + "\n{\"title\": \"broken\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/malformed-json"))
                .andExpect(jsonPath("$.line").value(3));
        then(intake).should(never()).submitAll(anyList());
    }

    @Test
    void refusesTwoValuesOnOneNdjsonLine() throws Exception {
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(NDJSON)
                        .content(article("first") + " " + article("second") + "\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.line").value(1));
    }

    @Test
    void refusesMalformedJsonBatchesAndBatchesThatAreNoArray() throws Exception {
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + article("first") + ",\n {\"title\": }]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed batch"))
                .andExpect(jsonPath("$.line").value(2));
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(article("not in an array")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("A batch in application/json is an array of articles"));
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[] []"))
                .andExpect(status().isBadRequest());
        then(intake).should(never()).submitAll(anyList());
    }

    @Test
    void refusesABatchOverTheItemLimit() throws Exception {
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + String.join(",", article("1"), article("2"), article("3"), article("4")) + "]"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/too-many-items"))
                .andExpect(jsonPath("$.limit").value(3));
        then(intake).should(never()).submitAll(anyList());
    }

    @Test
    void refusesABatchOverTheRequestSizeLimit() throws Exception {
        var big = article("y".repeat(1_900));
        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(NDJSON)
                        .content(String.join("\n", big, big, big, big, big)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/content-too-large"))
                .andExpect(jsonPath("$.limit").value(8192));
        then(intake).should(never()).submitAll(anyList());
    }

    @Test
    void rejectsAnOversizedItemAloneInBothFormats() throws Exception {
        given(intake.submitAll(anyList())).willReturn(List.of(new IngestResult(ID, 1, Outcome.ACCEPTED)));
        var oversized = article("z".repeat(2_100));

        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + oversized + "," + article("small") + "]"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[0].outcome").value("rejected"))
                .andExpect(jsonPath("$.results[0].reason").value("too-large"))
                .andExpect(jsonPath("$.results[1].outcome").value("accepted"));
        mvc.perform(post("/api/v1/articles/batch").contentType(NDJSON).content(oversized + "\n" + article("small")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results[0].reason").value("too-large"))
                .andExpect(jsonPath("$.results[0].line").value(1))
                .andExpect(jsonPath("$.results[1].outcome").value("accepted"));
    }

    @Test
    void answersABatchOfOnlyInvalidItemsWithoutSubmittingAnything() throws Exception {
        given(intake.submitAll(List.of())).willReturn(List.of());

        mvc.perform(post("/api/v1/articles/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[42, {\"title\": \"no body\"}]"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.results[0].detail").value("An article is a JSON object"))
                .andExpect(jsonPath("$.results[1].errors[0].message").value("an article needs a body or a url"));
    }

    private List<String> submittedTitles() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Submission>> captor = ArgumentCaptor.forClass(List.class);
        then(intake).should().submitAll(captor.capture());
        return captor.getValue().stream().map(s -> s.article().title()).toList();
    }

    private static String article(String title) {
        return """
                {"title": "%s", "body": "Body of %s", "source": {"name": "RksNews"}}"""
                .formatted(title, title);
    }
}
