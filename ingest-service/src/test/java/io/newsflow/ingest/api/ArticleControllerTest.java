package io.newsflow.ingest.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.IngestResult;
import io.newsflow.ingest.publishing.PublishFailedException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ArticleController.class)
class ArticleControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ArticleIntake intake;

    @Test
    void acceptsAnArticleWithItsId() throws Exception {
        given(intake.submit(any(), any()))
                .willReturn(new IngestResult("0123456789abcdef0123456789abcdef", 1, IngestResult.Outcome.ACCEPTED));

        mvc.perform(
                        post("/api/v1/articles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"title": "Europe advances plans", "body": "European allies of Kyiv...",
                                 "source": {"name": "RksNews"}, "publishedAt": "2025-03-01T08:00:00Z"}
                                """))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("0123456789abcdef0123456789abcdef"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.outcome").value("accepted"));
    }

    @Test
    void refusesAnArticleWithoutTitleNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"text\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        then(intake).should(never()).submit(any(), any());
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
    void refusesMalformedJson() throws Exception {
        mvc.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesOtherMediaTypes() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.TEXT_PLAIN).content("title"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
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
}
