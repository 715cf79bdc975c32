package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextExtractorTest {

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
}
