package io.newsflow.search.stories;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The enrich service's 64-bit SimHash fingerprints (16 hex digits). Two fingerprints within {@value #MAX_DISTANCE}
 * bits of each other share at least one of their four 16-bit bands exactly (pigeonhole), so candidates for a
 * near-duplicate are found with a term query on the bands and then checked bit by bit.
 */
public final class Fingerprints {

    static final int MAX_DISTANCE = 3;
    private static final int BANDS = 4;

    private Fingerprints() {}

    // called several times per indexed article: no regular expression
    static boolean valid(String fingerprint) {
        if (fingerprint == null || fingerprint.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            var c = fingerprint.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** The four bands, as {@code <band>:<4 hex digits>}, that the index stores to find near fingerprints; none for an invalid one. */
    public static List<String> bands(String fingerprint) {
        if (!valid(fingerprint)) {
            return List.of();
        }
        var hex = fingerprint.toLowerCase();
        return IntStream.range(0, BANDS)
                .mapToObj(band -> band + ":" + hex.substring(band * 4, band * 4 + 4))
                .toList();
    }

    static int distance(String a, String b) {
        return Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
    }

    static boolean near(String a, String b) {
        return valid(a) && valid(b) && distance(a, b) <= MAX_DISTANCE;
    }
}
