package io.newsflow.enrich.fingerprint;

import io.newsflow.enrich.language.TermAnalyzer;
import io.newsflow.enrich.text.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;

/**
 * A 64-bit SimHash over shingles of three consecutive stemmed content words. Two texts of the same story differ in a
 * few bits (the search service groups fingerprints within a small Hamming distance); unrelated texts differ in about
 * half. Stems and stopword removal make it robust to inflection and small edits.
 */
public final class SimHash {

    private static final int SHINGLE = 3;

    private SimHash() {}

    /** Sixteen lower-case hex digits; {@code null} for a text without words. */
    public static String of(String text, TermAnalyzer analyzer) {
        var stems = new ArrayList<String>();
        for (var token : Tokens.of(text)) {
            var normalised = TermAnalyzer.normalise(token.text());
            if (!analyzer.isStopword(normalised)) {
                stems.add(analyzer.stem(normalised));
            }
        }
        if (stems.isEmpty()) {
            return null;
        }
        var weights = new int[64];
        int shingles = Math.max(1, stems.size() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            var shingle = String.join(" ", stems.subList(i, Math.min(stems.size(), i + SHINGLE)));
            long hash = hash(shingle);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return HexFormat.of().toHexDigits(fingerprint);
    }

    public static int distance(String a, String b) {
        return Long.bitCount(HexFormat.fromHexDigitsToLong(a) ^ HexFormat.fromHexDigitsToLong(b));
    }

    /** FNV-1a over the UTF-8 bytes, then MurmurHash3's finaliser so that every input bit reaches every output bit. */
    static long hash(String shingle) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
