package io.newsflow.ingest.api;

import io.newsflow.ingest.IngestProperties;
import io.newsflow.ingest.http.CappedInputStream;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of article requests: one article may be {@code max-article-size}, a batch {@code max-request-size}.
 * The cap is enforced while the body is read (a declared Content-Length over it fails on the first read), so a
 * client that sends more than it announced, or sends chunks without announcing, is cut off all the same.
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
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), getContentLengthLong(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final CappedInputStream capped;

        LimitedInputStream(ServletInputStream in, long declared, DataSize limit) {
            this.in = in;
            this.capped =
                    new CappedInputStream(in, declared, limit.toBytes(), () -> new ContentTooLargeException(limit));
        }

        @Override
        public int read() throws IOException {
            return capped.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return capped.read(buffer, offset, length);
        }

        @Override
        public byte[] readAllBytes() throws IOException {
            return capped.readAllBytes();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
