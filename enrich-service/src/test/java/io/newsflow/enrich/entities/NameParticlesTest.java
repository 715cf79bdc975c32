package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class NameParticlesTest {

    @Test
    void personNameRunsOnOverParticlesToTheCapitalisedSurname() {
        String[] tokens = {"President", "Ursula", "von", "der", "Leyen", "said"};

        var spans = NameParticles.joinPersonNames(tokens, List.of(new Span(1, 2, "PER")));

        assertThat(spans).containsExactly(new Span(1, 5, "PER"));
    }

    @Test
    void extensionSwallowsTheSurnameTheNameFinderTaggedSeparately() {
        String[] tokens = {"Ludwig", "van", "Beethoven", "wrote"};

        var spans = NameParticles.joinPersonNames(tokens, List.of(new Span(0, 1, "PER"), new Span(2, 3, "PER")));

        assertThat(spans).containsExactly(new Span(0, 3, "PER"));
    }

    @Test
    void particleAloneAtSentenceStartTakesTheSurnameAfterIt() {
        String[] tokens = {"Von", "der", "Leyen", "added"};

        var spans = NameParticles.joinPersonNames(tokens, List.of(new Span(0, 1, "PER")));

        assertThat(spans).containsExactly(new Span(0, 3, "PER"));
    }

    @Test
    void particleTakenForAPlaceBecomesAPersonWithTheSurnameAfterIt() {
        String[] tokens = {"Von", "der", "Leyen", "added"};

        var spans = NameParticles.joinPersonNames(tokens, List.of(new Span(0, 1, "LOC")));

        assertThat(spans).containsExactly(new Span(0, 3, "PER"));
    }

    @Test
    void leavesPlacesAndNamesWithoutParticlesAlone() {
        String[] tokens = {"Anna", "Berg", "flew", "to", "Den", "Haag"};
        var spans = List.of(new Span(0, 2, "PER"), new Span(4, 6, "LOC"));

        assertThat(NameParticles.joinPersonNames(tokens, spans)).isEqualTo(spans);
    }

    @Test
    void untaggedSurnameOfAKnownPersonBecomesAMention() {
        String[] tokens = {"Later", ",", "von", "der", "Leyen", "met", "Berg", "in", "Oslo", "."};
        var spans = List.of(new Span(8, 9, "LOC"));

        var withSurnames = NameParticles.addSurnames(
                tokens, spans, List.of(List.of("von", "der", "Leyen"), List.of("Leyen"), List.of("Berg")));

        assertThat(withSurnames).containsExactly(new Span(2, 5, "PER"), new Span(6, 7, "PER"), new Span(8, 9, "LOC"));
    }

    @Test
    void surnameMatchesOnlyItsCapitalisedSpelling() {
        String[] tokens = {"the", "berg", "melted"};

        assertThat(NameParticles.addSurnames(tokens, List.of(), List.of(List.of("Berg"))))
                .isEmpty();
    }

    @Test
    void dutchAndGermanSurnameParticlesJoinTheName() {
        String[] dutch = {"minister", "Hugo", "de", "Jonge", "en", "Frans", "van", "der", "Velde", "zeiden"};
        String[] german = {"Karl", "von", "Habsburg", "sprach"};

        assertThat(NameParticles.joinPersonNames(dutch, List.of(new Span(1, 2, "PER"), new Span(5, 6, "PER")), "nl"))
                .containsExactly(new Span(1, 2, "PER"), new Span(5, 9, "PER"));
        assertThat(NameParticles.joinPersonNames(german, List.of(new Span(0, 1, "PER")), "de"))
                .containsExactly(new Span(0, 3, "PER"));
    }

    @Test
    void aDefiniteArticleAfterANameIsTheNextNounsArticleInDutchAndGerman() {
        String[] dutch = {"Rutte", "de", "Tweede", "Kamer"};
        String[] german = {"Scholz", "der", "SPD"};

        assertThat(NameParticles.joinPersonNames(dutch, List.of(new Span(0, 1, "PER")), "nl"))
                .containsExactly(new Span(0, 1, "PER"));
        assertThat(NameParticles.joinPersonNames(german, List.of(new Span(0, 1, "PER")), "de"))
                .containsExactly(new Span(0, 1, "PER"));
        // In English text "de" stays a particle ("Charles de Gaulle").
        assertThat(NameParticles.joinPersonNames(
                        new String[] {"Charles", "de", "Gaulle"}, List.of(new Span(0, 1, "PER")), "en"))
                .containsExactly(new Span(0, 3, "PER"));
    }
}
