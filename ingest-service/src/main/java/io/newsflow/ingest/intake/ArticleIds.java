package io.newsflow.ingest.intake;

import io.newsflow.ingest.Sha256;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives an article's stable id: from its canonical URL, else from its source and GUID, else from its content. The
 * same article reached through differently decorated links (tracking parameters, a fragment, upper-case host) gets
 * the same id, so that it is recognised as a duplicate or a new revision instead of a new article.
 */
final class ArticleIds {

    private static final Set<String> TRACKING_PARAMETERS =
            Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_hsenc");

    private ArticleIds() {}

    static String of(String url, String sourceName, String guid, String contentHash) {
        var canonical = Optional.ofNullable(url).flatMap(ArticleIds::canonicalUrl);
        if (canonical.isPresent()) {
            return hash("url:" + canonical.get());
        }
        if (guid != null && !guid.isBlank()) {
            return hash("guid:" + (sourceName == null ? "" : sourceName.strip().toLowerCase(Locale.ROOT)) + "\n"
                    + guid.strip());
        }
        return hash("content:" + contentHash);
    }

    /** The URL with lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted query. */
    static Optional<String> canonicalUrl(String url) {
        try {
            var uri = new URI(url.strip());
            var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            var host = uri.getHost().toLowerCase(Locale.ROOT);
            var port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
            var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            var query = canonicalQuery(uri.getRawQuery());
            return Optional.of(scheme + "://" + host + (port == -1 ? "" : ":" + port) + path
                    + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String parameter) {
        var name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static String hash(String identity) {
        // 128 bits of SHA-256: collision-free for any realistic number of articles, and short enough for URLs.
        return Sha256.hex(identity, 16);
    }
}
