package io.newsflow.ingest.api;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.http.CappedInputStream;
import io.newsflow.security.RequestBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of article requests: one article may be {@code max-article-size}, a batch {@code max-request-size}.
 * The cap is enforced while the body is read (a declared Content-Length over it fails on the first read), so a
 * client that sends more than it announced, or sends chunks without announcing, is cut off all the same. The body is
 * not refused for the connection ({@link RequestBodies#refuse}): a client that is still sending it would meet a reset
 * rather than its 413, so Tomcat reads the rest up to {@code max-swallow-size} and throws it away.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final String ARTICLES = "/api/v1/articles";

    private final DataSize maxArticle;
    private final DataSize maxRequest;

    RequestSizeLimitFilter(IngestProperties properties) {
        this.maxArticle = properties.ingest().limits().maxArticleSize();
        this.maxRequest = properties.ingest().limits().maxRequestSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(ARTICLES);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var limit = request.getRequestURI().startsWith(ARTICLES + "/batch") ? maxRequest : maxArticle;
        var declared = request.getContentLengthLong();
        chain.doFilter(
                RequestBodies.filtered(
                        request,
                        in -> new CappedInputStream(
                                in, declared, limit.toBytes(), () -> new ContentTooLargeException(limit))),
                response);
    }
}
