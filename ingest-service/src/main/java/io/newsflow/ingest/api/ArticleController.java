package io.newsflow.ingest.api;

import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.IngestResult;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final ArticleIntake intake;

    ArticleController(ArticleIntake intake) {
        this.intake = intake;
    }

    /** Answers 202 once Kafka has acknowledged the article's event: from then on it is never lost. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestResult> submit(@Valid @RequestBody ArticleSubmission submission) {
        return ResponseEntity.accepted().body(intake.submit(submission.toSource(), submission.toArticle()));
    }
}
