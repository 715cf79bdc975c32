package io.newsflow.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API of API keys: a key's secret is answered once, at creation, and never kept. */
@RestController
@RequestMapping(ApiKeyController.PATH)
@Tag(name = "API keys", description = "Keys for machines: sources that push, service accounts, probes (scope `admin`)")
class ApiKeyController {

    static final String PATH = "/api/v1/api-keys";

    private static final Logger audit = LoggerFactory.getLogger("newsflow.audit");

    private final ApiKeys keys;
    private final SecurityMetrics metrics;

    ApiKeyController(ApiKeys keys, SecurityMetrics metrics) {
        this.keys = keys;
        this.metrics = metrics;
    }

    @Schema(description = "A key to create")
    record NewApiKey(
            @Schema(description = "What the key is for", example = "RksNews pusher") @NotBlank @Size(max = 200)
                    String name,
            @Schema(description = "What the key may do", example = "[\"articles:write\"]") @NotEmpty
                    Set<
                                    @Pattern(
                                            regexp = "articles:write|feeds:manage|search:read|admin",
                                            message = "must be one of articles:write, feeds:manage, search:read, admin")
                                    String>
                            scopes,
            @Schema(description = "The only source the key may publish as; any source when absent", example = "RksNews")
                    @Size(max = 200)
                    String source) {}

    @Schema(description = "A key, without its secret")
    record ApiKeyView(String id, String name, Set<String> scopes, String source, Instant createdAt, String createdBy) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.scopes(), key.source(), key.createdAt(), key.createdBy());
        }
    }

    @Schema(description = "A new key and its secret, which is shown this once")
    record CreatedApiKey(
            String id,
            String name,
            Set<String> scopes,
            String source,
            Instant createdAt,
            @Schema(description = "The secret: send it as `Authorization: ApiKey <key>` or `X-Api-Key: <key>`")
                    String key) {}

    @Schema(description = "Every key")
    record ApiKeyList(List<ApiKeyView> apiKeys) {}

    @PostMapping
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "Creates a key with the given scopes, bound to a source when one is given; its secret is in"
                    + " this answer only.")
    @ApiResponse(responseCode = "201", description = "Created; the secret is not shown again")
    ResponseEntity<CreatedApiKey> create(@Valid @RequestBody NewApiKey request) {
        var caller = Caller.current();
        var created = keys.create(
                request.name(),
                request.scopes(),
                Optional.ofNullable(request.source())
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .orElse(null),
                caller.id());
        var key = created.key();
        audit.info(
                "api-key created id={} name=\"{}\" scopes={} source={} by={}",
                key.id(),
                key.name(),
                key.scopes(),
                key.source(),
                caller.id());
        metrics.audited("api-key.created");
        return ResponseEntity.created(URI.create(PATH + "/" + key.id()))
                .body(new CreatedApiKey(
                        key.id(), key.name(), key.scopes(), key.source(), key.createdAt(), created.secret()));
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "List the API keys", description = "Every key, no secrets.")
    @ApiResponse(responseCode = "200", description = "The keys")
    ApiKeyList all() {
        return new ApiKeyList(keys.all().stream().map(ApiKeyView::of).toList());
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "The key stops working at every instance.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such key")
    ResponseEntity<?> revoke(@Parameter(description = "The key's id") @PathVariable String id) {
        if (!keys.revoke(id)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API key with id " + id);
            problem.setTitle("Not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        var caller = Caller.current();
        audit.info("api-key revoked id={} by={}", id, caller.id());
        metrics.audited("api-key.revoked");
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ApiKeys.KeyStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ApiKeys.KeyStoreUnavailableException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
