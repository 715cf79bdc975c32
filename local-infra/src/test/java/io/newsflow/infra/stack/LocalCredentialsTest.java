package io.newsflow.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.infra.InfraException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {

    @TempDir
    Path home;

    private final AdminApi service = new AdminApi();

    @AfterEach
    void stop() {
        service.server.stop(0);
    }

    @Test
    void theAdminKeyIsRandomKeptOwnerOnlyAndTheSameOnTheNextStart() throws IOException {
        var settings = settings();
        var key = LocalCredentials.adminKey(settings);

        assertThat(key).startsWith("nf-admin-").hasSize("nf-admin-".length() + 64);
        var file = LocalCredentials.folder(settings).resolve("admin-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(LocalCredentials.adminKey(settings)).isEqualTo(key);
        assertThat(LocalCredentials.adminKey(Settings.from(home.resolve("other"), Map.of())))
                .isNotEqualTo(key);
    }

    @Test
    void createsTheDashboardAndLoaderKeysOnceAndAgainWhenTheServicesForgotThem() throws IOException {
        var settings = settings();
        var admin = LocalCredentials.adminKey(settings);
        service.admin = admin;

        var first = new LocalCredentials(settings).ensure(admin);
        assertThat(service.created).hasValue(2);
        assertThat(service.known).contains(first.editor(), first.loader());
        assertThat(Files.readString(LocalCredentials.loaderKeyFile(settings)).strip())
                .isEqualTo(first.loader());

        assertThat(new LocalCredentials(settings).ensure(admin)).isEqualTo(first);
        assertThat(service.created).as("known keys are kept").hasValue(2);

        // Kafka's data was removed: the keys are gone, the files remain
        service.known.clear();
        var again = new LocalCredentials(settings).ensure(admin);
        assertThat(service.created).hasValue(4);
        assertThat(again.editor()).isNotEqualTo(first.editor());
        assertThat(service.known).contains(again.editor(), again.loader());
    }

    @Test
    void refusesServicesThatAnswerWithoutCredentials() {
        service.open = true;
        var settings = settings();

        assertThatThrownBy(() -> new LocalCredentials(settings).ensure(LocalCredentials.adminKey(settings)))
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("open mode");
    }

    private Settings settings() {
        var port = String.valueOf(service.server.getAddress().getPort());
        return Settings.from(home, Map.of("NEWSFLOW_INGEST_PORT", port, "NEWSFLOW_SEARCH_PORT", port));
    }

    /** Ingest's and search's admin API of keys and one endpoint of each scope, as far as the credentials need. */
    private static final class AdminApi {

        final HttpServer server;
        final Set<String> known = ConcurrentHashMap.newKeySet();
        final AtomicInteger created = new AtomicInteger();
        volatile String admin = "";
        volatile boolean open;

        AdminApi() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/api/v1/saved-searches", this::guarded);
            server.createContext("/api/v1/feeds", this::guarded);
            server.createContext("/api/v1/api-keys", this::create);
            server.start();
        }

        private void guarded(HttpExchange exchange) throws IOException {
            var key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            answer(exchange, open || (key != null && known.contains(key)) ? 200 : 401, "{}");
        }

        private void create(HttpExchange exchange) throws IOException {
            if (!admin.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                answer(exchange, 401, "{}");
                return;
            }
            var key = "nf-" + UUID.randomUUID();
            known.add(key);
            created.incrementAndGet();
            answer(exchange, 201, "{\"id\":\"k\",\"key\":\"" + key + "\"}");
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
