package io.newsflow.search.stories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidates by id, and their ids by fingerprint band: an article is compared bit by bit only with the candidates
 * that share one of its bands, since every near one does (see {@link Fingerprints}). Beyond its capacity the oldest is
 * forgotten first. Synchronized: the recent candidates are shared by the consumer threads.
 */
final class Candidates {

    private final int capacity;
    private final LinkedHashMap<String, Candidate> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByBand = new HashMap<>();

    Candidates(int capacity) {
        this.capacity = capacity;
    }

    synchronized Candidate get(String id) {
        return byId.get(id);
    }

    synchronized void put(Candidate candidate) {
        var previous = byId.remove(candidate.id());
        if (previous != null) {
            forget(previous);
        }
        byId.put(candidate.id(), candidate);
        for (var band : candidate.bands()) {
            idsByBand.computeIfAbsent(band, key -> new LinkedHashSet<>(2)).add(candidate.id());
        }
        if (byId.size() > capacity) {
            forget(byId.pollFirstEntry().getValue());
        }
    }

    synchronized void putIfAbsent(Candidate candidate) {
        if (!byId.containsKey(candidate.id())) {
            put(candidate);
        }
    }

    synchronized void withWords(String id, Set<String> words) {
        byId.computeIfPresent(id, (key, candidate) -> candidate.withWords(words));
    }

    synchronized List<Candidate> sharingABand(Collection<String> bands) {
        var found = new LinkedHashMap<String, Candidate>();
        for (var band : bands) {
            for (var id : idsByBand.getOrDefault(band, Set.of())) {
                found.putIfAbsent(id, byId.get(id));
            }
        }
        return new ArrayList<>(found.values());
    }

    List<Candidate> near(long bits, List<String> bands) {
        return sharingABand(bands).stream()
                .filter(candidate -> Long.bitCount(bits ^ candidate.bits()) <= Fingerprints.MAX_DISTANCE)
                .toList();
    }

    private void forget(Candidate candidate) {
        for (var band : candidate.bands()) {
            var ids = idsByBand.get(band);
            if (ids != null && ids.remove(candidate.id()) && ids.isEmpty()) {
                idsByBand.remove(band);
            }
        }
    }
}
