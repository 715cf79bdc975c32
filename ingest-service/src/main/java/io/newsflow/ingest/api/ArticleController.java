package io.newsflow.ingest.api;

import io.newsflow.events.Source;
import io.newsflow.ingest.agency.AgencyItems;
import io.newsflow.ingest.agency.AgencyMediaTypes;
import io.newsflow.ingest.fetch.FetchRequests;
import io.newsflow.ingest.fetch.WebPages;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.Submission;
import io.newsflow.ingest.intake.IngestMetrics;
import io.newsflow.ingest.intake.IngestResult;
import io.newsflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(RequestSizeLimitFilter.ARTICLES)
@Tag(name = ProblemResponses.ARTICLES_TAG)
class ArticleController {

    static final String NDJSON = "application/x-ndjson";

    private final ArticleIntake intake;
    private final BatchReader reader;
    private final IngestMetrics metrics;
    private final AgencyItems agencyItems;
    private final FetchRequests fetchRequests;
    private final WebPages webPages;

    ArticleController(
            ArticleIntake intake,
            BatchReader reader,
            IngestMetrics metrics,
            AgencyItems agencyItems,
            FetchRequests fetchRequests,
            WebPages webPages) {
        this.intake = intake;
        this.reader = reader;
        this.metrics = metrics;
        this.agencyItems = agencyItems;
        this.fetchRequests = fetchRequests;
        this.webPages = webPages;
    }

    /** Answers 202 once Kafka has acknowledged the article's event: from then on it is never lost. */
    @Operation(
            operationId = "submitArticle",
            summary = "Submit one article",
            description = "Gives the article its stable id (canonical URL, else source and GUID, else content) and"
                    + " answers once Kafka acknowledged its event: `accepted` for a new article, `updated` with the"
                    + " next revision for changed content, `duplicate` (nothing published) for the same content."
                    + " The body may be at most `newsflow.ingest.limits.max-article-size` (1 MB by default). It may"
                    + " also be an agency item: an IPTC NewsML-G2 news item (`application/vnd.iptc.g2.newsitem+xml`)"
                    + " or a ninjs document (`application/ninjs+json`, with an optional `version` parameter such as"
                    + " `; version=3.1`, else told from its property names), validated against the IPTC's schema and"
                    + " mapped onto an article: guid/uri, version (the revision, at least), headline, body, byline,"
                    + " subjects as publisher tags, dates and language. An item whose version is older than the one"
                    + " already taken for its article is a 409 problem (`stale-version`) and publishes nothing; the"
                    + " same version again is a duplicate. A malformed or invalid item, or one that"
                    + " carries no article (a concept item, a picture without text), is a 400 problem naming the"
                    + " format and each violation. An article with a `url` and no body (or with `fetch: true`) is"
                    + " `queued`: its page is fetched (politely: robots.txt, a delay per host) and the article is"
                    + " published with the page's main text and metadata, or with what it came with if the page"
                    + " cannot be had; `GET /api/v1/articles/{id}/status` follows it. A body that is a whole web"
                    + " page is replaced by its main text.")
    @ApiResponse(
            responseCode = "202",
            description = "Acknowledged by Kafka (or a duplicate): the article's id," + " revision and outcome")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestResult> submit(@Valid @RequestBody ArticleSubmission submission) {
        var source = submission.toSource(Caller.current());
        var article = submission.toArticle();
        if (submission.needsFetching()) {
            return ResponseEntity.accepted()
                    .body(fetchRequests
                            .requestAll(List.of(new Submission(source, article)))
                            .getFirst());
        }
        var extracted = WebPages.isWholePage(article.body()) ? webPages.extractedFromBody(article) : article;
        return ResponseEntity.accepted().body(intake.submit(source, extracted));
    }

    /**
     * Articles whose page is to be fetched go to the fetch requests, the others to the intake (a whole web page as
     * a body extracted first); one result per submission, in order.
     */
    private List<IngestResult> submitAll(List<ArticleSubmission> submissions, Caller caller) {
        var toFetch = new ArrayList<Submission>();
        var toIntake = new ArrayList<Submission>();
        for (var submission : submissions) {
            var article = submission.toArticle();
            if (submission.needsFetching()) {
                toFetch.add(new Submission(submission.toSource(caller), article));
            } else {
                var extracted = WebPages.isWholePage(article.body()) ? webPages.extractedFromBody(article) : article;
                toIntake.add(new Submission(submission.toSource(caller), extracted));
            }
        }
        var fetched = (toFetch.isEmpty() ? List.<IngestResult>of() : fetchRequests.requestAll(toFetch)).iterator();
        var taken = (toIntake.isEmpty() ? List.<IngestResult>of() : intake.submitAll(toIntake)).iterator();
        var results = new ArrayList<IngestResult>(submissions.size());
        for (var submission : submissions) {
            results.add(submission.needsFetching() ? fetched.next() : taken.next());
        }
        return results;
    }

    /**
     * An agency's news item, mapped onto an article (see {@code io.newsflow.ingest.agency}). It shares one operation
     * of the API description with {@link #submit}, which describes it; only its request bodies are declared here.
     */
    @Operation(
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = AgencyMediaTypes.NEWSML_G2,
                                        schema = @Schema(type = "string", description = "A NewsML-G2 newsItem")),
                                @Content(
                                        mediaType = AgencyMediaTypes.NINJS,
                                        schema = @Schema(type = "object", description = "A ninjs document"))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = "Acknowledged by Kafka (or a duplicate): the article's id, revision and outcome")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @PostMapping(consumes = {AgencyMediaTypes.NEWSML_G2, AgencyMediaTypes.NINJS})
    ResponseEntity<IngestResult> submitAgencyItem(
            @Parameter(hidden = true) @RequestHeader("Content-Type") MediaType contentType,
            @Parameter(hidden = true) InputStream body)
            throws IOException {
        var item = agencyItems.read(contentType, body.readAllBytes());
        // As for JSON pushes, a key bound to a source decides the source; else the item names its provider.
        var source = Caller.current()
                .source()
                .map(bound -> Source.pushed(bound, null))
                .orElse(item.source());
        return ResponseEntity.accepted().body(intake.submit(new Submission(source, item.article(), item.version())));
    }

    /**
     * Submits the valid items of a batch together and answers once Kafka acknowledged all of them, with one result per
     * item; invalid and oversized items are rejected alone.
     */
    @Operation(
            operationId = "submitArticles",
            summary = "Submit a batch of articles, as a JSON array or NDJSON",
            description = "Submits the valid items together and answers once Kafka acknowledged all of them, with"
                    + " the count of each outcome and one result per item in the order received. An invalid or"
                    + " oversized item is rejected alone (`rejected`, with its reason); malformed JSON anywhere"
                    + " refuses the whole batch. At most `newsflow.ingest.limits.max-request-size` (10 MB) and"
                    + " `max-batch-items` (1000) per batch, each item at most `max-article-size` (1 MB).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        array =
                                                @ArraySchema(
                                                        schema = @Schema(implementation = ArticleSubmission.class))),
                                @Content(
                                        mediaType = NDJSON,
                                        schema =
                                                @Schema(
                                                        implementation = ArticleSubmission.class,
                                                        description = "One article per line"))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = "Every valid item acknowledged by Kafka: the counts and one result" + " per item")
    @ApiResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ProblemResponses.CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    @PostMapping(
            path = "/batch",
            consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    ResponseEntity<BatchResult> submitBatch(
            @Parameter(hidden = true) @RequestHeader("Content-Type") MediaType contentType,
            @Parameter(hidden = true) InputStream body)
            throws IOException {
        var items = NDJSON.equals(contentType.getType() + "/" + contentType.getSubtype())
                ? reader.readNdjson(body)
                : reader.readArray(body);
        var valid = items.stream()
                .filter(BatchReader.Valid.class::isInstance)
                .map(BatchReader.Valid.class::cast)
                .toList();
        var submitted =
                submitAll(valid.stream().map(BatchReader.Valid::submission).toList(), Caller.current());
        var results = new ArrayList<BatchResult.Item>(items.size());
        var next = 0;
        for (var item : items) {
            switch (item) {
                case BatchReader.Valid v ->
                    results.add(BatchResult.Item.of(v.index(), v.line(), submitted.get(next++)));
                case BatchReader.Rejected r -> {
                    metrics.rejected(r.reason());
                    results.add(BatchResult.Item.rejected(r.index(), r.line(), r.reason(), r.detail(), r.errors()));
                }
            }
        }
        return ResponseEntity.accepted().body(BatchResult.of(List.copyOf(results)));
    }
}
