package io.newsflow.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/** The state records as the ingest state topic's serdes write and read them, old records included. */
class ArticleStateTest {

    private final JacksonJsonSerializer<ArticleState> serializer = new JacksonJsonSerializer<>();
    private final JacksonJsonDeserializer<ArticleState> deserializer = new JacksonJsonDeserializer<>();

    ArticleStateTest() {
        deserializer.configure(
                Map.of(
                        JacksonJsonDeserializer.VALUE_DEFAULT_TYPE,
                        ArticleState.class.getName(),
                        JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS,
                        false),
                false);
    }

    @Test
    void aRecordWrittenBeforeVersionsWereRecordedReadsAsVersionZero() {
        var old = "{\"revision\":3,\"contentHash\":\"sha256:ab\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(deserializer.deserialize("t", old)).isEqualTo(new ArticleState(3, "sha256:ab", 0));
    }

    @Test
    void theVersionIsWrittenOnlyWhenThereIsOne() {
        var without = new String(serializer.serialize("t", new ArticleState(1, "h")), StandardCharsets.UTF_8);
        var with = serializer.serialize("t", new ArticleState(12, "h", 11));

        assertThat(without).doesNotContain("version");
        assertThat(deserializer.deserialize("t", with)).isEqualTo(new ArticleState(12, "h", 11));
    }
}
