package io.newsflow.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchCursorTest {

    @Test
    void aCursorSurvivesItsToken() {
        var cursor = new SearchCursor(
                Sort.RELEVANCE, List.of(FieldValue.of(1.5), FieldValue.of(1_740_816_000_000L), FieldValue.of("abc")));

        var decoded = SearchCursor.decode(cursor.encode());

        assertThat(decoded.sort()).isEqualTo(Sort.RELEVANCE);
        assertThat(decoded.after().get(0).doubleValue()).isEqualTo(1.5);
        assertThat(decoded.after().get(1).longValue()).isEqualTo(1_740_816_000_000L);
        assertThat(decoded.after().get(2).stringValue()).isEqualTo("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "bm90IGpzb24", "WyJuZXdlc3QiXQ", "WyJvbGRlc3QiLDEsImEiXQ"})
    void foreignTokensAreRefused(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> SearchCursor.decode(token));
    }

    @Test
    void aTokenWithValuesOfTheWrongTypeIsRefused() {
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString("[\"newest\",\"x\",1]".getBytes());

        assertThatIllegalArgumentException().isThrownBy(() -> SearchCursor.decode(token));
    }
}
