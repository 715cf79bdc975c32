package io.newsflow.enrich.entities;

import io.newsflow.events.Enrichment;
import java.util.List;
import java.util.stream.Stream;

/** The people, organisations and places of one article, each by canonical name with its mention count. */
public record ExtractedEntities(
        List<Enrichment.Entity> people, List<Enrichment.Entity> organizations, List<Enrichment.Entity> places) {

    public ExtractedEntities {
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        places = List.copyOf(places);
    }

    /**
     * Whether a phrase names one of these entities: by its key (any spelling, an alias included), or, for a person,
     * by the end of the full name ("von der Leyen" for Ursula von der Leyen).
     */
    public boolean names(String phrase) {
        var words = EntityKeys.words(
                EntityAliases.of(phrase).map(EntityAliases.Canonical::name).orElse(phrase));
        if (words.isEmpty()) {
            return false;
        }
        String key = String.join("-", words);
        if (Stream.of(organizations, places).flatMap(List::stream).anyMatch(e -> e.key()
                .equals(key))) {
            return true;
        }
        return people.stream()
                .map(e -> EntityKeys.words(e.key()))
                .anyMatch(name -> name.size() >= words.size()
                        && name.subList(name.size() - words.size(), name.size()).equals(words));
    }

    public static ExtractedEntities none() {
        return new ExtractedEntities(List.of(), List.of(), List.of());
    }
}
