package io.newsflow.extraction.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed split of a benchmark's pages: about 40% to tune on (the first byte of the SHA-256 of the page's id,
 * salted, is below 102), the rest held out and reported once. The salt matters: the metadata benchmark's pages were
 * themselves sampled by the SHA-256 of their ids, so the unsalted hash would put two thirds of them on one side.
 */
final class Split {

    private static final int TUNE_BELOW = 102;
    private static final String SALT = "newsflow:";

    private Split() {}

    static boolean isTuning(String id) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest((SALT + id).getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) < TUNE_BELOW;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
