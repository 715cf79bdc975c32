package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.Enrichment.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static final EntityExtractor extractor = new EntityExtractor(NameFinderModels.shippedOnly());

    private static List<String> names(List<Entity> entities) {
        return entities.stream().map(Entity::name).toList();
    }

    @Test
    void shippedModelFindsPeopleOrganisationsAndPlacesInASentence() {
        var entities = extractor.extract(
                "Angela Merkel met union leaders and executives of Volkswagen in Berlin on Tuesday, "
                        + "and Merkel later flew to Madrid for talks at the United Nations.",
                "en");

        assertThat(entities.people()).containsExactly(new Entity("Angela Merkel", 2));
        assertThat(names(entities.organizations())).contains("Volkswagen", "United Nations");
        assertThat(names(entities.places())).contains("Berlin", "Madrid");
    }

    @Test
    void findsTheSeedArticlesPeopleOrganisationsAndPlaces() throws IOException {
        var entities = extractor.extract(resource("/entities/seed-article.txt"), "en");

        assertThat(names(entities.people()))
                .contains(
                        "Ursula von der Leyen",
                        "Volodymyr Zelensky",
                        "Friedrich Merz",
                        "Keir Starmer",
                        "Emmanuel Macron",
                        "Mark Rutte",
                        "Donald Trump",
                        "Vladimir Putin")
                .doesNotContain("von der Leyen", "Von der Leyen", "Zelensky", "Merz");
        assertThat(names(entities.organizations()))
                .contains("NATO", "European Commission")
                .doesNotContain("NATO Role");
        assertThat(names(entities.places()))
                .contains("Ukraine", "Kyiv", "Russia", "Moscow", "Paris")
                .containsOnlyOnce("United States")
                .doesNotContain("U.S.", "US");
        assertThat(entities.places())
                .filteredOn(place -> place.name().equals("United States"))
                .containsExactly(new Entity("United States", 4, "united-states"));
    }

    @Test
    void isTheSameForTheSameText() throws IOException {
        String text = resource("/entities/seed-article.txt");

        assertThat(extractor.extract(text, "en")).isEqualTo(extractor.extract(text, "en"));
    }

    @Test
    void theShippedGermanModelFindsTheGermanArticlesPeopleAndPlaces() throws IOException {
        var entities = extractor.extract(resource("/entities/german-article.txt"), "de");

        assertThat(names(entities.people()))
                .contains("Annalena Baerbock", "Emmanuel Macron", "Ursula von der Leyen")
                .doesNotContain("Außenministerin Annalena Baerbock", "von der Leyen");
        // "Herr Sikorski" is the minister named in full before: the honorific goes, the surname joins the full name.
        assertThat(entities.people()).contains(new Entity("Radosław Sikorski", 2, "radosław-sikorski"));
        assertThat(names(entities.places()))
                .containsExactlyInAnyOrder(
                        "Berlin", "Paris", "Brüssel", "Deutschland", "Frankreich", "Warschau", "Kyiv");
        // "an der Seite Kiews": the genitive of Kiew, an alias of Kyiv, is Kyiv, a place, not an entity of its own.
        assertThat(entities.places()).contains(new Entity("Kyiv", 1, "kyiv"));
        assertThat(names(entities.organizations())).doesNotContain("Kiews");
        assertThat(names(entities.people())).doesNotContain("Kiews");
        assertThat(entities.places()).first().isEqualTo(new Entity("Berlin", 2, "berlin"));
    }

    @Test
    void theShippedDutchModelFindsADutchArticlesPlaces() {
        var entities = extractor.extract(
                "Minister Wopke Hoekstra reisde maandag naar Amsterdam en Rotterdam. Volgens hem is de samenwerking"
                        + " met België en Frankrijk van groot belang.",
                "nl");

        assertThat(names(entities.places())).containsExactlyInAnyOrder("Amsterdam", "Rotterdam", "België", "Frankrijk");
    }

    @Test
    void theShippedFrenchModelFindsAFrenchArticlesPeopleAndPlaces() {
        var entities = extractor.extract(
                "Le président Emmanuel Macron s'est rendu lundi à Lyon, puis à Marseille. Il a reçu mardi à Paris"
                        + " M. Olaf Scholz, venu d'Allemagne. Mme Anne Hidalgo, maire de Paris, a salué la visite.",
                "fr");

        assertThat(names(entities.people())).contains("Emmanuel Macron", "Olaf Scholz", "Anne Hidalgo");
        assertThat(names(entities.places())).contains("Lyon", "Marseille", "Paris");
    }

    @Test
    void aLanguageWithoutAModelGetsNoEntities() {
        var entities = extractor.extract("Emmanuel Macron ha incontrato Olaf Scholz a Parigi.", "it");

        assertThat(entities).isEqualTo(ExtractedEntities.none());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EntityExtractorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
