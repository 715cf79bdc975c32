package io.newsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTest {

    @Test
    void theBodyIsReadThroughTheFilterMadeOnceOnFirstUse() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/v1/articles");
        request.setContent("hello".getBytes(StandardCharsets.UTF_8));
        var made = new int[1];

        var filtered = RequestBodies.filtered(request, in -> {
            made[0]++;
            return new Upper(in);
        });

        assertThat(made[0]).isZero();
        assertThat(new String(filtered.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("HELLO");
        assertThat(filtered.getInputStream().isFinished()).isTrue();
        assertThat(made[0]).isEqualTo(1);
    }

    @Test
    void aRefusedBodyIsMarkedOnTheRequestTheContainerSees() {
        var request = new MockHttpServletRequest("POST", "/api/v1/articles");
        var filtered = RequestBodies.filtered(request, in -> in);

        assertThat(RequestBodies.refused(request)).isFalse();
        RequestBodies.refuse(filtered);

        assertThat(RequestBodies.refused(request)).isTrue();
    }

    private static final class Upper extends FilterInputStream {

        Upper(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            var n = in.read(buffer, offset, length);
            for (var i = offset; i < offset + Math.max(n, 0); i++) {
                buffer[i] = (byte) Character.toUpperCase(buffer[i]);
            }
            return n;
        }
    }
}
