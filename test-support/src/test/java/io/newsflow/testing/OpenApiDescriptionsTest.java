package io.newsflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class OpenApiDescriptionsTest {

    private static final String SERVED =
            """
            {"openapi": "3.1.0", "info": {"version": "v1", "title": "T"}, "tags": [], "paths": {"/b": {}, "/a": {}}}""";

    @TempDir
    Path folder;

    @Test
    void aDescriptionIsStableWhateverTheOrderItWasServedIn() {
        var stable = OpenApiDescriptions.stable(SERVED);

        assertThat(stable)
                .isEqualTo(
                        """
                        {
                          "info": {
                            "title": "T",
                            "version": "v1"
                          },
                          "openapi": "3.1.0",
                          "paths": {
                            "/a": {},
                            "/b": {}
                          },
                          "tags": []
                        }
                        """);
        assertThat(OpenApiDescriptions.stable(
                        "{\"paths\": {\"/a\": {}, \"/b\": {}}, \"tags\": [], \"openapi\": \"3.1.0\","
                                + " \"info\": {\"title\": \"T\", \"version\": \"v1\"}}"))
                .isEqualTo(stable);
    }

    @Test
    void theCommittedDescriptionPasses() throws Exception {
        var served = OpenApiDescriptions.stable(SERVED);
        var committed = folder.resolve("openapi/search-service.json");
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, served);

        OpenApiDescriptions.assertCommitted(served, committed, folder.resolve("target/search-service.json"), false);

        assertThat(folder.resolve("target/search-service.json")).hasContent(served);
    }

    @Test
    void aChangedApiFailsWithTheLineAndTheCommandThatUpdatesIt() throws Exception {
        var committed = folder.resolve("openapi/search-service.json");
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, OpenApiDescriptions.stable(SERVED));
        var changed = OpenApiDescriptions.stable(SERVED.replace("\"v1\"", "\"v2\""));

        assertThatExceptionOfType(AssertionFailedError.class)
                .isThrownBy(() -> OpenApiDescriptions.assertCommitted(
                        changed, committed, folder.resolve("target/search-service.json"), false))
                .withMessageContaining("openapi/search-service.json")
                .withMessageContaining("line 4")
                .withMessageContaining("\"version\": \"v2\"")
                .withMessageContaining("./newsflow openapi");
        assertThat(committed).hasContent(OpenApiDescriptions.stable(SERVED));
    }

    @Test
    void anUpdateWritesTheServedDescriptionAsTheCommittedOne() throws Exception {
        var committed = folder.resolve("openapi/search-service.json");
        var served = OpenApiDescriptions.stable(SERVED);

        OpenApiDescriptions.assertCommitted(served, committed, folder.resolve("target/search-service.json"), true);

        assertThat(committed).hasContent(served);
    }
}
