package io.newsflow.ingest.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Fails with the caller's exception once more than {@code cap} bytes were read, or on the first read when the
 * length the sender declared is over it already. Counting while reading is what catches a sender that sends more
 * than it announced, or announces nothing; placed before a decompressor, it bounds the bytes on the wire.
 */
public final class CappedInputStream extends FilterInputStream {

    private final long declared;
    private final long cap;
    private final Supplier<? extends RuntimeException> exceeded;
    private long count;

    /**
     * @param declared the length the sender announced (a Content-Length), or -1
     * @param exceeded the exception to fail with; unchecked, so that it passes through parsers and decompressors
     *     unwrapped
     */
    public CappedInputStream(InputStream in, long declared, long cap, Supplier<? extends RuntimeException> exceeded) {
        super(in);
        this.declared = declared;
        this.cap = cap;
        this.exceeded = exceeded;
    }

    @Override
    public int read() throws IOException {
        check(0);
        var b = super.read();
        if (b != -1) {
            check(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check(0);
        var n = super.read(buffer, offset, length);
        if (n > 0) {
            check(n);
        }
        return n;
    }

    /** With a declared length, one array of that size instead of a series of chunks copied together. */
    @Override
    public byte[] readAllBytes() throws IOException {
        check(0);
        if (declared < 0) {
            return super.readAllBytes();
        }
        var bytes = new byte[(int) declared];
        var filled = readNBytes(bytes, 0, bytes.length);
        return filled == bytes.length ? bytes : Arrays.copyOf(bytes, filled);
    }

    private void check(int more) {
        count += more;
        if (declared > cap || count > cap) {
            throw exceeded.get();
        }
    }
}
