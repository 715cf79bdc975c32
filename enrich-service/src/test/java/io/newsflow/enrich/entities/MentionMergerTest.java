package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.Enrichment.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionMergerTest {

    private static Mention person(String text) {
        return new Mention("PER", text, false);
    }

    @Test
    void surnameOnlyMentionJoinsTheFullNameThatEndsWithIt() {
        var entities = MentionMerger.merge(
                List.of(person("Zelensky"), person("Anna Kowalska"), person("Volodymyr Zelensky"), person("Zelensky")));

        assertThat(entities.people())
                .containsExactly(new Entity("Volodymyr Zelensky", 3), new Entity("Anna Kowalska", 1));
    }

    @Test
    void surnameJoinsTheLongestOfTheFullNamesEndingWithIt() {
        var entities = MentionMerger.merge(
                List.of(person("Leyen"), person("von der Leyen"), person("Ursula von der Leyen"), person("Leyen")));

        assertThat(entities.people()).containsExactly(new Entity("Ursula von der Leyen", 4));
    }

    @Test
    void capitalisationAtSentenceStartDoesNotMakeAnotherPerson() {
        var entities = MentionMerger.merge(
                List.of(new Mention("PER", "Von der Leyen", true), person("von der Leyen"), person("von der Leyen")));

        assertThat(entities.people()).containsExactly(new Entity("von der Leyen", 3));
    }

    @Test
    void titlesAreNotPartOfAPersonsName() {
        var entities = MentionMerger.merge(
                List.of(person("President Donald Trump"), person("Mr. Trump"), person("Prime Minister Keira Stone")));

        assertThat(entities.people()).containsExactly(new Entity("Donald Trump", 2), new Entity("Keira Stone", 1));
    }

    @Test
    void possessivesAndCaseVariantsAreOnePlace() {
        var entities = MentionMerger.merge(List.of(
                new Mention("LOC", "Russia 's", false),
                new Mention("LOC", "Russia’s", false),
                new Mention("LOC", "RUSSIA", true),
                new Mention("LOC", "Russia", false),
                new Mention("LOC", "Latvia", false)));

        assertThat(entities.places()).containsExactly(new Entity("Russia", 4), new Entity("Latvia", 1));
    }

    @Test
    void leadingArticleIsDroppedFromOrganisations() {
        var entities = MentionMerger.merge(
                List.of(new Mention("ORG", "the Acme Council", false), new Mention("ORG", "Acme Council", false)));

        assertThat(entities.organizations()).containsExactly(new Entity("Acme Council", 2));
    }

    @Test
    void aNameTaggedWithSeveralTypesTakesTheTypeItWasTaggedWithMostOften() {
        var entities = MentionMerger.merge(List.of(
                new Mention("ORG", "Quorn", false),
                new Mention("LOC", "Quorn", false),
                new Mention("LOC", "Quorn", false)));

        assertThat(entities.places()).containsExactly(new Entity("Quorn", 3));
        assertThat(entities.organizations()).isEmpty();
    }

    @Test
    void surnameMistakenForAnOrganisationJoinsThePerson() {
        var entities = MentionMerger.merge(
                List.of(person("Jonas Brandt"), new Mention("ORG", "Brandt", false), person("Brandt")));

        assertThat(entities.people()).containsExactly(new Entity("Jonas Brandt", 3));
        assertThat(entities.organizations()).isEmpty();
    }

    @Test
    void ordersByMentionsThenName() {
        var entities = MentionMerger.merge(List.of(
                new Mention("LOC", "Oslo", false),
                new Mention("LOC", "Bergen", false),
                new Mention("LOC", "Tromso", false),
                new Mention("LOC", "Tromso", false)));

        assertThat(entities.places())
                .containsExactly(new Entity("Tromso", 2), new Entity("Bergen", 1), new Entity("Oslo", 1));
    }

    @Test
    void ignoresMiscellaneousNamesAndBarePunctuation() {
        var entities =
                MentionMerger.merge(List.of(new Mention("MISC", "European", false), new Mention("ORG", "\" '", false)));

        assertThat(entities).isEqualTo(ExtractedEntities.none());
    }
}
