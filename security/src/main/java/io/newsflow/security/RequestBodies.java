package io.newsflow.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * What a filter that guards request bodies needs: a request whose body reads through a stream of its own, and a
 * mark for a request whose body it refused. After the answer to a marked request, {@link RefusedBodyValve} closes the
 * connection: otherwise Tomcat would read ("swallow") the rest of the body at the client's pace to keep the connection,
 * and a client that announced more than it sends would hold the thread as long again.
 */
public final class RequestBodies {

    static final String REFUSED = RequestBodies.class.getName() + ".REFUSED";

    private RequestBodies() {}

    /** Marks the request's body as refused: its connection is closed once the answer is sent. */
    public static void refuse(ServletRequest request) {
        request.setAttribute(REFUSED, Boolean.TRUE);
    }

    static boolean refused(ServletRequest request) {
        return request.getAttribute(REFUSED) != null;
    }

    /**
     * The request, with its body read through the stream {@code filter} makes of the original one (once, on first
     * use). Non-blocking reads stay with the original stream: the filter only sees the bytes.
     */
    public static HttpServletRequest filtered(HttpServletRequest request, Function<InputStream, InputStream> filter) {
        return new HttpServletRequestWrapper(request) {

            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    var original = super.getInputStream();
                    stream = new FilteredStream(original, filter.apply(original));
                }
                return stream;
            }
        };
    }

    private static final class FilteredStream extends ServletInputStream {

        private final ServletInputStream original;
        private final InputStream filtered;

        FilteredStream(ServletInputStream original, InputStream filtered) {
            this.original = original;
            this.filtered = filtered;
        }

        @Override
        public int read() throws IOException {
            return filtered.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return filtered.read(buffer, offset, length);
        }

        @Override
        public byte[] readAllBytes() throws IOException {
            return filtered.readAllBytes();
        }

        @Override
        public boolean isFinished() {
            return original.isFinished();
        }

        @Override
        public boolean isReady() {
            return original.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            original.setReadListener(listener);
        }
    }
}
