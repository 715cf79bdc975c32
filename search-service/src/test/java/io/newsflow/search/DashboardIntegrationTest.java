package io.newsflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The dashboard as a browser loads it: the page with its security headers, and every asset it references. */
@SearchServiceTest
class DashboardIntegrationTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";
    private static final Pattern PAGE_ASSETS = Pattern.compile("(?:src|href)=\"(/dashboard/[^\"]+)\"");
    private static final Pattern MODULE_IMPORTS = Pattern.compile("(?:from|import)\\s+'\\./([^']+)'");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void servesThePageWithAPolicyThatAllowsNoInlineScript() {
        var page = api.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers())
                .containsEntry("Content-Security-Policy", POLICY)
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer");
        var html = page.body().asString();
        assertThat(html).contains("id=\"search-form\"", "id=\"results\"", "id=\"histogram\"");
        // no inline script, style or handler that the policy would block
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=", " onclick=");
    }

    @Test
    void thePageAndItsAssetsAreRevalidatedByETag() {
        for (var path : Set.of("/", "/dashboard/app.js")) {
            var first = api.get(path);
            assertThat(first.headers().get("Cache-Control")).contains("no-cache");
            var etag = first.headers().get("ETag");
            assertThat(etag).as("ETag of %s", path).isNotBlank();

            var again = api.call(HttpMethod.GET, path, null, Map.of("If-None-Match", etag));

            assertThat(again.status()).as("revalidated %s", path).isEqualTo(304);
        }
    }

    @Test
    void everyAssetThePageReferencesResolvesWithItsContentType() {
        var assets = new LinkedHashSet<String>();
        var pending = new ArrayDeque<String>();
        PAGE_ASSETS.matcher(api.get("/").body().asString()).results().forEach(m -> pending.add(m.group(1)));
        while (!pending.isEmpty()) {
            var path = pending.poll();
            if (!assets.add(path)) {
                continue;
            }
            var asset = api.get(path);
            assertThat(asset.status()).as(path).isEqualTo(200);
            assertThat(asset.headers()).containsEntry("X-Content-Type-Options", "nosniff");
            if (path.endsWith(".js")) {
                // with nosniff a module script loads only under a JavaScript type
                assertThat(asset.contentType()).as(path).startsWith("text/javascript");
                var folder = path.substring(0, path.lastIndexOf('/') + 1);
                MODULE_IMPORTS
                        .matcher(asset.body().asString())
                        .results()
                        .forEach(m -> pending.add(folder + m.group(1)));
            } else if (path.endsWith(".css")) {
                assertThat(asset.contentType()).as(path).startsWith("text/css");
            }
        }
        assertThat(assets)
                .contains(
                        "/dashboard/app.js",
                        "/dashboard/app.css",
                        "/dashboard/views.js",
                        "/dashboard/histogram.js",
                        "/dashboard/saved.js");
    }

    @Test
    void theApiAndSwaggerUiKeepWorkingBesideThePage() {
        var search = api.get("/api/v1/search?size=1");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.headers()).containsEntry("X-Content-Type-Options", "nosniff");

        var swagger = api.get("/swagger-ui/index.html");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.headers()).doesNotContainKey("Content-Security-Policy");
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void theSignInSettingsAreOpenAndOfferOnlyKeysWithoutAnIssuer() {
        var settings = api.get("/dashboard/config.json");

        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.contentType()).startsWith("application/json");
        assertThat(settings.body().path("oidc").isNull())
                .as(settings.body().toString())
                .isTrue();
    }

    @Test
    void anUnknownAssetIsNotFound() {
        assertThat(api.get("/dashboard/missing.js").status()).isEqualTo(404);
    }
}
