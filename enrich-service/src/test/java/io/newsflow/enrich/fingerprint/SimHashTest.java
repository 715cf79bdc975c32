package io.newsflow.enrich.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.SeedArticle;
import io.newsflow.enrich.language.TermAnalyzers;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final TermAnalyzers analyzers = new TermAnalyzers(SeedArticle.properties());

    @Test
    void isSixteenHexDigitsAndTheSameForTheSameText() {
        var english = analyzers.forLanguage("en");

        var fingerprint = SimHash.of(SeedArticle.body(), english);

        assertThat(fingerprint).matches("[0-9a-f]{16}");
        assertThat(SimHash.of(SeedArticle.body(), english)).isEqualTo(fingerprint);
    }

    @Test
    void theSameStoryLightlyEditedStaysCloseWhileAnotherStoryIsFar() {
        var english = analyzers.forLanguage("en");
        var original = SimHash.of(SeedArticle.body(), english);
        var edited = SimHash.of(
                SeedArticle.body()
                        .replace("very precise plans", "very precise plan")
                        .replace("Over the weekend, ", "")
                        .replace("tens of thousands", "thousands"),
                english);
        var other = SimHash.of(
                "Arsenal beat Chelsea two nil at home on Saturday, with the striker scoring twice in the second half"
                        + " while the visitors struggled to create chances and lost their lead at the top of the table.",
                english);

        assertThat(SimHash.distance(original, edited)).isLessThanOrEqualTo(8);
        assertThat(SimHash.distance(original, other)).isGreaterThan(16);
    }

    @Test
    void hasNoFingerprintWithoutWords() {
        assertThat(SimHash.of("  ", analyzers.forLanguage("en"))).isNull();
    }
}
