package io.newsflow.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a running service's OpenAPI description where {@code ./newsflow test} lints it: every module's
 * {@code target/openapi/*.json} goes through Spectral after the build, so a service joins the lint by calling
 * {@link #write} from one of its tests.
 */
public final class OpenApiDescriptions {

    private OpenApiDescriptions() {}

    /**
     * Fetches {@code /v3/api-docs} from the service on {@code port} and writes it to
     * {@code target/openapi/<service>.json} of the module under test.
     *
     * @return the description as served
     */
    public static String write(int port, String service) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /v3/api-docs answered " + response.statusCode() + ": " + response.body());
            }
            var file = Path.of("target", "openapi", service + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, response.body());
            return response.body();
        }
    }
}
