package io.newsflow.extraction.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed split of a benchmark's pages: about 40% to tune on (the first byte of the SHA-256 of the page's id,
 * salted, is below 102), the rest held out and reported once. The salt matters: the metadata benchmark's pages were
 * themselves sampled by the SHA-256 of their ids, so the unsalted hash would put two thirds of them on one side.
 *
 * <p>The tuning pages are split again, by the same hash under another salt: a "look" half whose failures are read
 * and a "check" half that is only scored. Rules chosen on the whole tuning split did not carry over to the held-out
 * pages (each mended one page it was written for); a rule is kept only when it does not lower the check half.
 */
final class Split {

    private static final int TUNE_BELOW = 102;
    private static final String SALT = "newsflow:";
    private static final int LOOK_BELOW = 128;
    private static final String LOOK_SALT = "newsflow:look:";

    private Split() {}

    static boolean isTuning(String id) {
        return firstByte(SALT + id) < TUNE_BELOW;
    }

    /** A tuning page whose failures may be read; the other tuning pages are the check half. */
    static boolean isLook(String id) {
        return isTuning(id) && firstByte(LOOK_SALT + id) < LOOK_BELOW;
    }

    private static int firstByte(String salted) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(salted.getBytes(StandardCharsets.UTF_8));
            return digest[0] & 0xff;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
