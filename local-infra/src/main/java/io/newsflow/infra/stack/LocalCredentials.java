package io.newsflow.infra.stack;

import io.newsflow.infra.InfraException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credentials of the local stack, each in a file of {@code .newsflow/credentials/} that only its owner may read:
 * a random admin key, which the services are started with, and two keys created with it through the admin API, the
 * dashboard's ({@code search:read}) and the loader's ({@code articles:write}, {@code feeds:manage}). A key whose file
 * exists is checked and kept; one the services no longer know (Kafka's data was removed) is created anew.
 */
final class LocalCredentials {

    static final String HEADER = "X-Api-Key";

    /** The keys {@code up} prints. */
    record Keys(String admin, String editor, String loader) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final URI ingest;
    private final URI search;

    LocalCredentials(Settings settings) {
        this.folder = folder(settings);
        this.ingest = URI.create("http://127.0.0.1:" + settings.ingestPort());
        this.search = URI.create("http://127.0.0.1:" + settings.searchPort());
    }

    static Path folder(Settings settings) {
        return settings.stateDir().resolve("credentials");
    }

    static Path loaderKeyFile(Settings settings) {
        return folder(settings).resolve("loader-key");
    }

    /** The admin key the services start with: read from its file, or made and written there on first use. */
    static synchronized String adminKey(Settings settings) {
        var file = folder(settings).resolve("admin-key");
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        var key = "nf-admin-" + HexFormat.of().formatHex(bytes);
        write(file, key);
        return key;
    }

    /** Once the services answer: the dashboard's and the loader's keys, checked or created. */
    Keys ensure(String adminKey) {
        if (status(search.resolve("/api/v1/saved-searches"), "") != 401) {
            throw new InfraException("search-service answers without credentials: it was started in open mode. Restart"
                    + " it with security on: ./newsflow down && ./newsflow up");
        }
        var editor = ensure(
                "editor-key", search, "/api/v1/saved-searches", adminKey, "Dashboard (local)", List.of("search:read"));
        var loader = ensure(
                "loader-key",
                ingest,
                "/api/v1/feeds",
                adminKey,
                "Loader (local)",
                List.of("articles:write", "feeds:manage"));
        return new Keys(adminKey, editor, loader);
    }

    private String ensure(String name, URI service, String check, String adminKey, String label, List<String> scopes) {
        var file = folder.resolve(name);
        if (Files.isRegularFile(file)) {
            var key = read(file);
            if (status(service.resolve(check), key) == 200) {
                return key;
            }
        }
        var body = JSON.writeValueAsString(Map.of("name", label, "scopes", scopes));
        var response = send(HttpRequest.newBuilder(service.resolve("/api/v1/api-keys"))
                .header(HEADER, adminKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new InfraException("Creating the local " + name + " at " + service + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        var key = JSON.readTree(response.body()).path("key").asString();
        write(file, key);
        return key;
    }

    private static int status(URI uri, String key) {
        var request = HttpRequest.newBuilder(uri).GET();
        if (!key.isEmpty()) {
            request.header(HEADER, key);
        }
        return send(request).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new InfraException("Cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while creating the local credentials", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new InfraException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the key into a file that only its owner may read (0600), in a folder only its owner may list. */
    private static void write(Path file, String key) {
        try {
            var folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            var temporary = folder.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, key + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InfraException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
