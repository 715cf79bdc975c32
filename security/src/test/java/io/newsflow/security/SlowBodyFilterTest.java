package io.newsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The rate rule on a clock the test moves: each read of the body is made to wait as long as the test says. */
class SlowBodyFilterTest {

    private static final SecurityProperties.RequestBodies LIMITS =
            new SecurityProperties.RequestBodies(DataSize.ofBytes(240), Duration.ofSeconds(5));

    private final AtomicLong now = new AtomicLong();
    private final AtomicLong waitPerRead = new AtomicLong();

    /** Every second call (the one after a read) is later by the wait of one read. */
    private long clock() {
        return now.getAndAdd(waitPerRead.get() / 2);
    }

    @Test
    void aBodyThatTrickles1BytePerSecondIsRefusedOnceTheGraceHasPassed() throws Exception {
        waitPerRead.set(Duration.ofSeconds(1).toNanos() * 2);
        var body = wrapped(new byte[1_000]);

        var read = new AtomicLong();
        assertThatThrownBy(() -> {
                    while (body.getInputStream().read() >= 0) {
                        read.incrementAndGet();
                    }
                })
                .isInstanceOf(SlowBodyFilter.TooSlowException.class)
                .satisfies(e -> assertThat(((SlowBodyFilter.TooSlowException) e)
                                .getStatusCode()
                                .value())
                        .isEqualTo(408));
        // five reads of a second each are the grace; the sixth is judged
        assertThat(read.get()).isEqualTo(5);
    }

    @Test
    void aBodyThatArrivesFastEnoughIsReadWhole() throws Exception {
        waitPerRead.set(Duration.ofSeconds(1).toNanos() * 2);
        var body = wrapped(new byte[10_000]);
        var buffer = new byte[300];

        long total = 0;
        for (int n; (n = body.getInputStream().read(buffer, 0, buffer.length)) >= 0; ) {
            total += n;
        }

        assertThat(total).isEqualTo(10_000);
    }

    @Test
    void timeTheHandlerSpendsBetweenReadsIsNotHeldAgainstTheClient() throws Exception {
        var body = wrapped(new byte[100]);
        var in = body.getInputStream();

        for (var i = 0; i < 100; i++) {
            // the handler works a minute between reads; the reads themselves do not wait
            now.addAndGet(Duration.ofMinutes(1).toNanos());
            assertThat(in.read()).isNotNegative();
        }
        assertThat(in.read()).isEqualTo(-1);
    }

    private HttpServletRequest wrapped(byte[] content) throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/articles");
        request.setContent(content);
        var seen = new AtomicReference<HttpServletRequest>();
        new SlowBodyFilter(LIMITS, this::clock)
                .doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }
}
