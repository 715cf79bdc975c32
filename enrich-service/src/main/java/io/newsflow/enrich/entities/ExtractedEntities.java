package io.newsflow.enrich.entities;

import io.newsflow.events.Enrichment;
import java.util.List;

/** The people, organisations and places of one article, each by canonical name with its mention count. */
public record ExtractedEntities(
        List<Enrichment.Entity> people, List<Enrichment.Entity> organizations, List<Enrichment.Entity> places) {

    public ExtractedEntities {
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        places = List.copyOf(places);
    }

    public static ExtractedEntities none() {
        return new ExtractedEntities(List.of(), List.of(), List.of());
    }
}
