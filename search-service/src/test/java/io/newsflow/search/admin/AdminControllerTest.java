package io.newsflow.search.admin;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.newsflow.search.SearchProperties;
import io.newsflow.search.indexing.Reindexer;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The admin HTTP contract on its own: the reindex's answers, as its description declares them. */
@WebMvcTest(controllers = AdminController.class)
@EnableConfigurationProperties(SearchProperties.class)
class AdminControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reindexer reindexer;

    @Test
    void aReindexStartedAnswersItsStatus() throws Exception {
        var running = new Reindexer.Status(
                Reindexer.State.RUNNING,
                "articles-v1",
                "articles-v2",
                0,
                Instant.parse("2025-03-01T08:00:00Z"),
                null,
                null);
        when(reindexer.start()).thenReturn(Optional.of(running));

        mvc.perform(post("/api/v1/admin/reindex"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.from").value("articles-v1"))
                .andExpect(jsonPath("$.to").value("articles-v2"))
                .andExpect(jsonPath("$.startedAt").value("2025-03-01T08:00:00Z"));
    }

    @Test
    void aReindexWhoseIndexCannotBeFoundInElasticsearchIsAServiceUnavailableProblem() throws Exception {
        when(reindexer.start()).thenThrow(new IOException(new ConnectException("Connection refused")));

        mvc.perform(post("/api/v1/admin/reindex"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(containsString("cannot be reached")));
    }

    @Test
    void aReindexWhileOneRunsIsAConflictProblem() throws Exception {
        when(reindexer.start()).thenReturn(Optional.empty());
        when(reindexer.status())
                .thenReturn(
                        new Reindexer.Status(Reindexer.State.RUNNING, "a-v1", "a-v2", 7, Instant.EPOCH, null, null));

        mvc.perform(post("/api/v1/admin/reindex"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void theStatusOfTheLatestReindexNamesItsIndices() throws Exception {
        when(reindexer.status())
                .thenReturn(new Reindexer.Status(
                        Reindexer.State.DONE, "a-v1", "a-v2", 42, Instant.EPOCH, Instant.EPOCH.plusSeconds(5), null));

        mvc.perform(get("/api/v1/admin/reindex"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.replayed").value(42))
                .andExpect(jsonPath("$.finishedAt").value("1970-01-01T00:00:05Z"));
    }
}
