package io.newsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cuts off a request body that arrives slower than a minimum rate: Tomcat's timeout applies to each read, so a client
 * that drips a byte just inside it could hold a request thread for hours. Only the time spent waiting inside reads
 * counts, after a grace period, so that a handler that reads slowly (a batch published article by article) is never
 * held against its client. The refusal is a 408 problem; {@link SlowBodyValve} then closes the connection instead of
 * reading the rest.
 */
final class SlowBodyFilter extends OncePerRequestFilter {

    /** The request attribute that marks a request whose body was cut off. */
    static final String CUT_OFF = SlowBodyFilter.class.getName() + ".CUT_OFF";

    private final SecurityProperties.RequestBodies limits;
    private final LongSupplier nanoTime;

    SlowBodyFilter(SecurityProperties.RequestBodies limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Wrapped(request), response);
    }

    /** Thrown from inside the body's stream; unchecked, so that parsers and message converters pass it unwrapped. */
    static final class TooSlowException extends ErrorResponseException {

        TooSlowException(long minimumRate) {
            super(HttpStatus.REQUEST_TIMEOUT, problem(minimumRate), null);
        }

        private static ProblemDetail problem(long minimumRate) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.REQUEST_TIMEOUT,
                    "The request body arrived slower than " + minimumRate + " bytes per second; send it again faster.");
            problem.setTitle("Request body too slow");
            return problem;
        }
    }

    private final class Wrapped extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Wrapped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new RateCheckedStream(super.getInputStream(), this);
            }
            return stream;
        }
    }

    private final class RateCheckedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final HttpServletRequest request;
        private long bytes;
        private long waitedNanos;

        RateCheckedStream(ServletInputStream in, HttpServletRequest request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            var started = nanoTime.getAsLong();
            var b = in.read();
            counted(started, b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var started = nanoTime.getAsLong();
            var n = in.read(buffer, offset, length);
            counted(started, Math.max(n, 0));
            return n;
        }

        private void counted(long started, int read) {
            bytes += read;
            waitedNanos += nanoTime.getAsLong() - started;
            var waited = waitedNanos / 1e9;
            var rate = limits.minimumRate().toBytes();
            if (waitedNanos > limits.grace().toNanos() && bytes < rate * waited) {
                request.setAttribute(CUT_OFF, true);
                throw new TooSlowException(rate);
            }
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
