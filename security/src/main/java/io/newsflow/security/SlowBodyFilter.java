package io.newsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cuts off a request body that arrives slower than a minimum rate: Tomcat's timeout applies to each read, so a client
 * that drips a byte just inside it could hold a request thread for hours. Only the time spent waiting inside reads
 * counts, after a grace period, so that a handler that reads slowly (a batch published article by article) is never
 * held against its client. The refusal is a 408 problem; the connection is then closed
 * ({@link RequestBodies#refuse}) instead of read to the end.
 */
final class SlowBodyFilter extends OncePerRequestFilter {

    private final SecurityProperties.RequestBodies limits;
    private final LongSupplier nanoTime;

    SlowBodyFilter(SecurityProperties.RequestBodies limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(RequestBodies.filtered(request, in -> new RateCheckedStream(in, request)), response);
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

    /**
     * Times the reads of the body. A read that fails (Tomcat's read timeout, a reset) refuses the body too: the rest
     * would never come, and swallowing it would only wait for the timeout once more.
     */
    private final class RateCheckedStream extends FilterInputStream {

        private final HttpServletRequest request;
        private long bytes;
        private long waitedNanos;

        RateCheckedStream(InputStream in, HttpServletRequest request) {
            super(in);
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            var started = nanoTime.getAsLong();
            var b = refusedOnFailure(() -> in.read());
            counted(started, b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var started = nanoTime.getAsLong();
            var n = refusedOnFailure(() -> in.read(buffer, offset, length));
            counted(started, Math.max(n, 0));
            return n;
        }

        private int refusedOnFailure(Read read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                RequestBodies.refuse(request);
                throw e;
            }
        }

        private void counted(long started, int read) {
            bytes += read;
            waitedNanos += nanoTime.getAsLong() - started;
            var waited = waitedNanos / 1e9;
            var rate = limits.minimumRate().toBytes();
            if (waitedNanos > limits.grace().toNanos() && bytes < rate * waited) {
                RequestBodies.refuse(request);
                throw new TooSlowException(rate);
            }
        }
    }

    private interface Read {
        int read() throws IOException;
    }
}
