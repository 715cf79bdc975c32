package io.newsflow.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI descriptions committed under {@code openapi/} at the root of the repository are the API's contract: the
 * client module generates its clients from them and {@code ./newsflow test} lints them with Spectral. Each service's
 * test compares the description it serves with the committed one, so a change to the API fails the build until the
 * committed file is updated, and then shows in review as a diff of that file.
 */
public final class OpenApiDescriptions {

    /** System property: {@code true} rewrites the committed descriptions from the running services. */
    public static final String UPDATE = "newsflow.openapi.update";

    /** What rewrites every committed description, for the failure message. */
    public static final String UPDATE_COMMAND = "./newsflow openapi";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    // Sorted properties and one array element per line: a change to the API is a small, readable diff.
    private static final ObjectWriter STABLE = JSON.writer()
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private OpenApiDescriptions() {}

    /**
     * Fetches {@code /v3/api-docs} from the service on {@code port}.
     *
     * @return the description in the committed files' layout
     */
    public static String fetch(int port) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /v3/api-docs answered " + response.statusCode() + ": " + response.body());
            }
            return stable(response.body());
        }
    }

    /** A description with its properties sorted and indented as the committed files are. */
    public static String stable(String description) {
        return STABLE.writeValueAsString(JSON.readTree(description)) + "\n";
    }

    /**
     * Fails unless {@code served} is {@code openapi/<service>.json} as committed; with {@code -Dnewsflow.openapi.update=true}
     * writes it there instead. Either way the served description is left in {@code target/openapi/<service>.json} of the
     * module under test, to compare by hand.
     */
    public static void assertCommitted(String service, String served) throws IOException {
        assertCommitted(
                served,
                committed(service),
                Path.of("target", "openapi", service + ".json"),
                Boolean.getBoolean(UPDATE));
    }

    static void assertCommitted(String served, Path committed, Path target, boolean update) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, served);
        if (update) {
            Files.createDirectories(committed.toAbsolutePath().getParent());
            Files.writeString(committed, served);
            return;
        }
        var name = committed.getParent().getFileName() + "/" + committed.getFileName();
        if (!Files.exists(committed)) {
            throw new AssertionFailedError(
                    name + " is missing: the API's description is committed there. Write it with: " + UPDATE_COMMAND);
        }
        var expected = Files.readString(committed).replace("\r\n", "\n");
        if (!expected.equals(served)) {
            throw new AssertionFailedError(
                    "The API no longer matches its committed description " + name + firstDifference(expected, served)
                            + "\nThe served one is in " + target.toAbsolutePath()
                            + ". If the change is intended, update the committed description and review its diff: "
                            + UPDATE_COMMAND,
                    expected,
                    served);
        }
    }

    /** The committed description of a service: {@code openapi/<service>.json} at the root of the repository. */
    private static Path committed(String service) {
        return root().resolve("openapi").resolve(service + ".json");
    }

    private static String firstDifference(String expected, String actual) {
        List<String> committed = expected.lines().toList();
        List<String> served = actual.lines().toList();
        for (int line = 0; line < Math.max(committed.size(), served.size()); line++) {
            var was = line < committed.size() ? committed.get(line) : "(end of file)";
            var is = line < served.size() ? served.get(line) : "(end of file)";
            if (!was.equals(is)) {
                return ", first at line " + (line + 1) + ":\n  committed: " + was.strip() + "\n  served:    "
                        + is.strip();
            }
        }
        return "";
    }

    /** Tests run in their module's folder (Surefire, IDEs); the root is the first folder up with the Maven wrapper. */
    private static Path root() {
        var start = Path.of("").toAbsolutePath();
        for (var folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw")) && Files.isDirectory(folder.resolve(".mvn"))) {
                return folder;
            }
        }
        throw new IllegalStateException(
                "no Maven wrapper (mvnw) in " + start + " or above it: where is the repository?");
    }
}
