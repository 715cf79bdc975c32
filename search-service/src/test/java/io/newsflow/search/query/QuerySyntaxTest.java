package io.newsflow.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuerySyntaxTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiterString = "=>",
            value = {
                "Valencia OR chess => Valencia | chess",
                "Valencia AND chess => Valencia + chess",
                "Valencia NOT chess => Valencia -chess",
                "NOT chess => -chess",
                "Valencia OR NOT chess => Valencia | -chess",
                "(Valencia OR Madrid) AND chess => (Valencia | Madrid) + chess",
                "Valencia NOT \"chess club\" => Valencia -\"chess club\"",
                "\"black OR white\" => \"black OR white\"",
                "\"to be OR not\" OR Hamlet => \"to be OR not\" | Hamlet",
                "OR => OR",
                "AND => AND",
                "NOT => NOT",
                "OR chess => OR chess",
                "chess OR => chess OR",
                "chess NOT => chess NOT",
                "chess OR AND go => chess OR + go",
                "Valencia or chess => Valencia or chess",
                "Valencia | chess => Valencia | chess",
                "ukraine -election +\"peace talks\" => ukraine -election +\"peace talks\"",
                "\"unclosed OR phrase => \"unclosed OR phrase",
                "ORACLE ANDROID NOTHING => ORACLE ANDROID NOTHING",
            })
    void upperCaseOperatorWordsBecomeSimpleQueryStringOperatorsWhereTheyFit(String text, String expected) {
        assertThat(QuerySyntax.toSimpleQueryString(text)).isEqualTo(expected);
    }
}
