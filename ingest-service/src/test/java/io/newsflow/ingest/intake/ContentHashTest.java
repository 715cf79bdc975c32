package io.newsflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.events.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void isTheSha256OfTheContentFieldsJoinedByNulWithListItemsJoinedBySoh() throws Exception {
        // The definition the ingest state topic's records were written with: changing it would turn every article
        // submitted again into a new revision.
        var article = new Article(
                "Floods in Valencia",
                "<p>Rain, and more rain.</p>",
                "https://news.example/floods",
                "Rain",
                List.of("Ana Pérez", "Joan Puig"),
                Instant.parse("2024-10-30T08:00:00Z"),
                null,
                "en",
                List.of("weather", "spain"),
                "guid-1");
        var joined = String.join(
                "\u0000",
                "Floods in Valencia",
                "<p>Rain, and more rain.</p>",
                "Rain",
                "Ana Pérez\u0001Joan Puig",
                "weather\u0001spain",
                "2024-10-30T08:00:00Z",
                "");
        var expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));

        assertThat(ArticleIntake.contentHash(article)).isEqualTo("sha256:" + expected);
    }

    @Test
    void ignoresTheUrlLanguageAndGuidAndTellsContentChangesApart() {
        var article = Article.of("Title", "Body");
        var elsewhere =
                new Article("Title", "Body", "https://x.example/", null, List.of(), null, null, "de", null, "g");

        assertThat(ArticleIntake.contentHash(elsewhere)).isEqualTo(ArticleIntake.contentHash(article));
        assertThat(ArticleIntake.contentHash(Article.of("Title", "Body.")))
                .isNotEqualTo(ArticleIntake.contentHash(article));
        assertThat(ArticleIntake.contentHash(Article.of("TitleBody", "")))
                .isNotEqualTo(ArticleIntake.contentHash(article));
    }
}
