package io.newsflow.ingest.feeds;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.intake.IngestMetrics;
import io.newsflow.security.Audit;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(FeedsController.class)
@EnableConfigurationProperties(IngestProperties.class)
// The shared problem-details advice counts rejected requests.
@Import({IngestMetrics.class, SimpleMeterRegistry.class})
class FeedsControllerTest {

    private static final Instant NOW = Instant.parse("2025-09-01T08:00:00Z");
    private static final FeedRecord FEED = FeedRecord.registered(
            "0123456789abcdef", "https://news.example.com/rss", "Example News", Duration.ofMinutes(30), NOW);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FeedRegistry registry;

    // the slice has no security auto-configuration; the audit lines are asserted by the access matrix
    @MockitoBean
    Audit audit;

    @Test
    void registersAFeedWithAShortPollIntervalAndAnswersCreatedWithItsLocation() throws Exception {
        given(registry.register(URI.create("https://news.example.com/rss"), Duration.ofMinutes(30), "Example News"))
                .willReturn(new FeedRegistry.Registration(FEED, true));

        mvc.perform(
                        post("/api/v1/feeds")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"url": "https://news.example.com/rss", "pollInterval": "30m", "source": "Example News"}
                                """))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/feeds/0123456789abcdef"))
                .andExpect(jsonPath("$.id").value("0123456789abcdef"))
                .andExpect(jsonPath("$.pollInterval").value("PT30M"))
                .andExpect(jsonPath("$.status.consecutiveFailures").value(0));
    }

    @Test
    void acceptsAnIsoPollIntervalAndAnswersOkForAFeedAlreadyRegistered() throws Exception {
        given(registry.register(any(), eq(Duration.ofHours(1)), any()))
                .willReturn(new FeedRegistry.Registration(FEED, false));

        mvc.perform(post("/api/v1/feeds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://news.example.com/rss\", \"pollInterval\": \"PT1H\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("0123456789abcdef"));
    }

    @Test
    void refusesInvalidRegistrationsWithProblemDetailsNamingTheFields() throws Exception {
        mvc.perform(post("/api/v1/feeds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"file:///etc/passwd\", \"pollInterval\": \"often\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/invalid-feed"))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[1].field").value("pollInterval"));
        mvc.perform(post("/api/v1/feeds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        mvc.perform(post("/api/v1/feeds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://news.example.com/rss\", \"pollInterval\": \"5s\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be at least PT1M"));
        then(registry).should(never()).register(any(), any(), any());
    }

    @Test
    void refusesMalformedJsonAndWrongMediaTypesWithProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/feeds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/feeds").contentType(MediaType.TEXT_PLAIN).content("https://news.example.com/rss"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAUrlTheAddressPolicyRefusesAsBadRequest() throws Exception {
        given(registry.register(any(), any(), any()))
                .willThrow(new FetchException(
                        FetchException.Reason.REFUSED, "localhost resolves to the non-public address 127.0.0.1"));

        mvc.perform(post("/api/v1/feeds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"http://localhost/rss\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/feed-url-refused"))
                .andExpect(jsonPath("$.detail").value("localhost resolves to the non-public address 127.0.0.1"));
    }

    @Test
    void answersNotFoundProblemsForUnknownFeeds() throws Exception {
        given(registry.find("nope")).willReturn(Optional.empty());
        given(registry.delete("nope")).willReturn(false);
        given(registry.pollNow("nope")).willReturn(Optional.empty());

        for (var request : new org.springframework.test.web.servlet.RequestBuilder[] {
            get("/api/v1/feeds/nope"), delete("/api/v1/feeds/nope"), post("/api/v1/feeds/nope/poll")
        }) {
            mvc.perform(request)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/feed-not-found"));
        }
    }

    @Test
    void pollNowAnswersOkWhenPolledHereAndAcceptedWhenTheOwnerWillPoll() throws Exception {
        // the controller looks a feed up first, so that a caller bound to another source learns nothing of it
        given(registry.find("here")).willReturn(Optional.of(FEED));
        given(registry.find("there")).willReturn(Optional.of(FEED));
        given(registry.pollNow("here")).willReturn(Optional.of(new FeedRegistry.PollNow(FEED, true)));
        given(registry.pollNow("there")).willReturn(Optional.of(new FeedRegistry.PollNow(FEED, false)));

        mvc.perform(post("/api/v1/feeds/here/poll")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/feeds/there/poll")).andExpect(status().isAccepted());
    }

    @Test
    void answersServiceUnavailableWhenKafkaDoesNotAcknowledge() throws Exception {
        given(registry.find("f1")).willReturn(Optional.of(FEED));
        given(registry.delete("f1"))
                .willThrow(new FeedStoreException(
                        "Kafka did not acknowledge", new java.util.concurrent.TimeoutException()));

        mvc.perform(delete("/api/v1/feeds/f1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://newsflow.io/problems/feed-store-unavailable"));
    }
}
