package io.newsflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgumentsTest {

    @Test
    void aCorpusAloneMeansAThousandArticlesAsManyToWarmUpTwentyClientsAndCleanUp() {
        var arguments = BenchArguments.parse(List.of("samples/demo/articles.ndjson.gz"));

        assertThat(arguments.corpus()).contains(Path.of("samples/demo/articles.ndjson.gz"));
        assertThat(arguments.articles()).isEqualTo(1000);
        assertThat(arguments.warmup()).isEqualTo(1000);
        assertThat(arguments.clients()).isEqualTo(20);
        assertThat(arguments.searchFor()).isEqualTo(Duration.ofSeconds(15));
        assertThat(arguments.keep()).isFalse();
        assertThat(arguments.help()).isFalse();
    }

    @Test
    void optionsComeInAnyOrder() {
        var arguments = BenchArguments.parse(List.of(
                "--articles", "500", "corpus", "--keep", "--clients", "5", "--search-for", "500ms", "--warmup", "0"));

        assertThat(arguments.corpus()).contains(Path.of("corpus"));
        assertThat(arguments.articles()).isEqualTo(500);
        assertThat(arguments.warmup()).isZero();
        assertThat(BenchArguments.parse(List.of("--articles", "500", "corpus")).warmup())
                .isEqualTo(500);
        assertThat(arguments.keep()).isTrue();
        assertThat(arguments.clients()).isEqualTo(5);
        assertThat(arguments.searchFor()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void helpNeedsNoCorpus() {
        assertThat(BenchArguments.parse(List.of("--help")).help()).isTrue();
    }

    @Test
    void wrongCommandLinesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> BenchArguments.parse(List.of())).hasMessageContaining("name the corpus");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("a", "b"))).hasMessageContaining("one corpus only");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("a", "--articles")))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("a", "--articles", "ten")))
                .hasMessageContaining("takes a number");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("a", "--articles", "1")))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("a", "--warmup", "-1")))
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("a", "--fast"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("a", "--search-for", "15")))
                .hasMessageContaining("a duration");
    }
}
