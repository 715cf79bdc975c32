package io.newsflow.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.zip.GZIPInputStream;

/**
 * Documents that are gzip files themselves ({@code sitemap.xml.gz}, {@code application/gzip}), not gzip-encoded
 * responses: no HTTP client decodes them, so {@link SafeHttp}'s cap has only bounded their compressed bytes. They are
 * decompressed here under the same cap again, so that a small gzip bomb is refused at the cap instead of filling the
 * heap.
 */
public final class GzipFiles {

    private GzipFiles() {}

    /**
     * Whether a body starts with gzip's magic bytes. The media type and the name decide nothing: servers label a
     * {@code .xml.gz} as {@code application/octet-stream}, {@code application/x-gzip} or even {@code text/xml}, and
     * no XML or JSON document starts with these bytes.
     */
    public static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    /**
     * @throws FetchException ({@link FetchException.Reason#TOO_LARGE}) once more than {@code cap} bytes came out
     * @throws IOException when the body is not a readable gzip file
     */
    public static byte[] gunzip(byte[] body, long cap, URI url) throws FetchException, IOException {
        try (var in = new CappedInputStream(
                new GZIPInputStream(new ByteArrayInputStream(body)), -1, cap, DecompressedTooLarge::new)) {
            return in.readAllBytes();
        } catch (DecompressedTooLarge e) {
            throw new FetchException(
                    FetchException.Reason.TOO_LARGE,
                    "the gzip file " + url + " exceeds " + cap + " bytes once decompressed (" + body.length
                            + " bytes compressed)");
        }
    }

    private static final class DecompressedTooLarge extends RuntimeException {
        DecompressedTooLarge() {
            super(null, null, false, false);
        }
    }
}
