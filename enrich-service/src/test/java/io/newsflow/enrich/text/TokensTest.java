package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokensTest {

    // The definition of a word that the scan replaced; the scan must find exactly its matches.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

    @Test
    void wordsKeepInnerApostrophesAndHyphensAndDropPunctuation() {
        assertThat(Tokens.of("Ukraine's long-range missiles -- 5bn, 'quoted' rock’n’roll x-").stream()
                        .map(Tokens.Token::text))
                .containsExactly("Ukraine's", "long-range", "missiles", "5bn", "quoted", "rock’n’roll", "x");
        var token = Tokens.of("  Kyiv.").getFirst();
        assertThat(token.start()).isEqualTo(2);
        assertThat(token.end()).isEqualTo(6);
    }

    @Test
    void findsWhatTheRegularExpressionFinds() throws IOException {
        var texts = new ArrayList<String>(List.of(
                "",
                "---",
                "a",
                "O'Neill's e-mail--x '' -'a' a'-b ½ Ⅻ ² ٣ 𝐀𝐁 𝟙 x\uD800y ç̧ 東京 Ω-3 a’",
                "Ça va? «Oui» — 1,000.50 £800 3/12/2025 www.example.com"));
        texts.add(resource("/entities/seed-article.txt"));
        texts.add(resource("/entities/german-article.txt"));
        for (String text : texts) {
            var expected = new ArrayList<Tokens.Token>();
            var matcher = WORD.matcher(text);
            while (matcher.find()) {
                expected.add(new Tokens.Token(matcher.group(), matcher.start(), matcher.end()));
            }
            assertThat(Tokens.of(text)).as(text).isEqualTo(expected);
            assertThat(Tokens.count(text)).isEqualTo(expected.size());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TokensTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
