package io.newsflow.search.stories;

import java.util.List;
import java.util.Set;

/**
 * An article an incoming one may join: its story and fingerprint (as bits and bands), and its words where known.
 *
 * @param words {@code null} until fetched, for a stored article whose text was not needed yet
 */
record Candidate(String id, String storyId, String fingerprint, long bits, List<String> bands, Words words) {

    static Candidate of(String id, String storyId, String fingerprint, Words words) {
        return new Candidate(
                id,
                storyId,
                fingerprint,
                Long.parseUnsignedLong(fingerprint, 16),
                Fingerprints.bands(fingerprint),
                words);
    }

    Candidate withWords(Set<String> value) {
        return new Candidate(id, storyId, fingerprint, bits, bands, new Words(value));
    }
}
