package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.SeedArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    @Test
    void theStartOfATextEndsBeforeAWordItWouldCut() {
        assertThat(TextExtractor.start("one two three", 9)).isEqualTo("one two");
        assertThat(TextExtractor.start("one two three", 50)).isEqualTo("one two three");
        assertThat(TextExtractor.start("abcdefgh", 4)).isEqualTo("abcd");
    }

    @Test
    void keepsParagraphsOfHtmlAndDropsScripts() {
        var html =
                """
                <div><h1>Plans advance</h1><script>alert('x')</script>
                <p>European allies of <b>Kyiv</b> are working&nbsp;on plans.</p><p>Security   guarantees matter.</p>
                <ul><li>First point</li></ul></div>
                """;

        assertThat(TextExtractor.plainText(html))
                .isEqualTo("Plans advance\n\nEuropean allies of Kyiv are working on plans.\n\n"
                        + "Security guarantees matter.\n\nFirst point");
    }

    @Test
    void normalisesPlainTextWhitespaceButKeepsParagraphs() {
        var text = "First  line\r\ncontinues here.\r\n\r\n\r\nSecond\u00a0paragraph.  ";

        assertThat(TextExtractor.plainText(text)).isEqualTo("First line continues here.\n\nSecond paragraph.");
    }

    @Test
    void appliesUnicodeCompatibilityNormalisation() {
        assertThat(TextExtractor.plainText("ﬁnance ① café")).isEqualTo("finance 1 café");
    }

    @Test
    void emptyBodyGivesEmptyText() {
        assertThat(TextExtractor.plainText(null)).isEmpty();
        assertThat(TextExtractor.plainText("  \n ")).isEmpty();
    }

    @Test
    void dropsTheSeedArticlesMastheadAndReadingTimeButKeepsHeadingsAndListItems() {
        var text = TextExtractor.plainText(SeedArticle.body(), List.of("RksNews", "rksnews.com"));

        assertThat(text).startsWith("European allies of Kyiv are working on “very precise plans”");
        assertThat(text).doesNotContain("RksNews").doesNotContain("Min Read");
        assertThat(text.split("\n\n"))
                .contains("Paris Summit on September 4", "U.S. and NATO Role")
                .contains("German Chancellor Friedrich Merz", "NATO Secretary General Mark Rutte");
    }

    @Test
    void recognisesARepeatedMastheadWithoutBeingToldTheSourceName() {
        var text = TextExtractor.plainText("Daily Planet\nDaily Planet 6 min read\n\nThe mayor resigned on Monday.");

        assertThat(text).isEqualTo("The mayor resigned on Monday.");
    }

    @Test
    void dropsBylinesSharePromptsAndDatelinesButNotSentencesThatMentionThem() {
        var text = TextExtractor.plainText(
                """
                By Jane Smith and John Doe

                Share this article

                Updated 3 hours ago

                The council said the report was a 5 min read for anyone.

                Follow us on Twitter
                """);

        assertThat(text).isEqualTo("The council said the report was a 5 min read for anyone.");
    }

    @Test
    void makesEveryBulletItemAParagraphOfItsOwn() {
        var text = TextExtractor.plainText("Attendees include:\n  • Friedrich Merz\n  • Keir Starmer\n- Mark Rutte");

        assertThat(text).isEqualTo("Attendees include:\n\nFriedrich Merz\n\nKeir Starmer\n\nMark Rutte");
    }
}
